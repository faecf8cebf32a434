import { Module } from '@nestjs/common';
import { IatiController } from './iati.controller';
import { IatiRepository } from './iati.repository';
import { IatiService } from './iati.service';

@Module({
  controllers: [IatiController],
  providers: [IatiService, IatiRepository],
})
export class IatiModule {}
