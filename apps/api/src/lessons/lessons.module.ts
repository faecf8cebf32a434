import { Module } from '@nestjs/common';
import { LessonsController } from './lessons.controller';
import { LessonsRepository } from './lessons.repository';
import { LessonsService } from './lessons.service';

/** Lessons learned from closed projects and reports; public ones are shared with donors. */
@Module({
  controllers: [LessonsController],
  providers: [LessonsService, LessonsRepository],
})
export class LessonsModule {}
