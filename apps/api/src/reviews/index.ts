export { ReviewsModule } from './reviews.module';
export { ReviewRoundsService } from './review-rounds.service';
