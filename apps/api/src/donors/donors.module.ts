import { Module } from '@nestjs/common';
import { DonorsController } from './donors.controller';
import { DonorsRepository } from './donors.repository';
import { DonorsService } from './donors.service';

@Module({
  controllers: [DonorsController],
  providers: [DonorsService, DonorsRepository],
})
export class DonorsModule {}
