import { Module } from '@nestjs/common';
import { PublicPageController } from './public-page.controller';
import { PublicPageService } from './public-page.service';

/** The Fund's public page: what anyone may read without signing in. */
@Module({
  controllers: [PublicPageController],
  providers: [PublicPageService],
})
export class PublicPageModule {}
