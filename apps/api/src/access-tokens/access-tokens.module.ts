import { Module } from '@nestjs/common';
import { AccessTokensController } from './access-tokens.controller';
import { AccessTokensRepository } from './access-tokens.repository';
import { AccessTokensService } from './access-tokens.service';

@Module({
  controllers: [AccessTokensController],
  providers: [AccessTokensService, AccessTokensRepository],
  exports: [AccessTokensService],
})
export class AccessTokensModule {}
