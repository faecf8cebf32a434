import { Module } from '@nestjs/common';
import { AssessmentSettingsController, ProjectAssessmentController } from './assessment.controller';
import { AssessmentRepository } from './assessment.repository';
import { AssessmentService } from './assessment.service';
import { ReviewersController } from './reviewers.controller';
import { ReviewersService } from './reviewers.service';
import { ProjectReviewsController, ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

@Module({
  controllers: [
    ProjectReviewsController,
    ReviewsController,
    ProjectAssessmentController,
    AssessmentSettingsController,
    ReviewersController,
  ],
  providers: [ReviewsService, AssessmentService, ReviewersService, ReviewsRepository, AssessmentRepository],
  exports: [AssessmentService],
})
export class ReviewsModule {}
