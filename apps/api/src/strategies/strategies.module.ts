import { Module } from '@nestjs/common';
import { NationalStrategiesController } from './strategies.controller';
import { StrategiesRepository } from './strategies.repository';
import { StrategiesService } from './strategies.service';

/** National strategies: each country's plans that projects align with. */
@Module({
  controllers: [NationalStrategiesController],
  providers: [StrategiesService, StrategiesRepository],
  exports: [StrategiesService],
})
export class StrategiesModule {}
