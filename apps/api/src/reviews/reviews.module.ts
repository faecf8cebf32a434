import { Module } from '@nestjs/common';
import {
  AssessmentSettingsController,
  ProjectAssessmentController,
  ReviewerCalibrationController,
} from './assessment.controller';
import { AssessmentService } from './assessment.service';
import { ProjectReviewsController, ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({
  controllers: [
    ProjectReviewsController,
    ReviewsController,
    ProjectAssessmentController,
    AssessmentSettingsController,
    ReviewerCalibrationController,
  ],
  providers: [ReviewsService, AssessmentService],
  exports: [AssessmentService],
})
export class ReviewsModule {}
