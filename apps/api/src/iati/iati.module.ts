import { Module } from '@nestjs/common';
import { IatiController } from './iati.controller';
import { IatiRepository } from './iati.repository';
import { IatiFileService } from './iati-file.service';
import { IatiService } from './iati.service';

@Module({
  controllers: [IatiController],
  providers: [IatiService, IatiFileService, IatiRepository],
  exports: [IatiFileService],
})
export class IatiModule {}
