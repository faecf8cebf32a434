import { Module } from '@nestjs/common';
import { AssessmentSettingsController, ProjectAssessmentController } from './assessment.controller';
import { AssessmentRepository } from './assessment.repository';
import { AssessmentService } from './assessment.service';
import { ReviewersController } from './reviewers.controller';
import { ReviewersService } from './reviewers.service';
import { ReviewRoundsService } from './review-rounds.service';
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
  providers: [
    ReviewsService,
    AssessmentService,
    ReviewersService,
    ReviewRoundsService,
    ReviewsRepository,
    AssessmentRepository,
  ],
  exports: [AssessmentService, ReviewRoundsService],
})
export class ReviewsModule {}
