import { Module } from '@nestjs/common';
import { AssessmentSettingsController, ProjectAssessmentController } from './assessment.controller';
import { AssessmentService } from './assessment.service';
import { ReviewersController } from './reviewers.controller';
import { ReviewersService } from './reviewers.service';
import { ProjectReviewsController, ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({
  controllers: [
    ProjectReviewsController,
    ReviewsController,
    ProjectAssessmentController,
    AssessmentSettingsController,
    ReviewersController,
  ],
  providers: [ReviewsService, AssessmentService, ReviewersService],
  exports: [AssessmentService],
})
export class ReviewsModule {}
