export { ReceiptsModule } from './receipts.module';
export { ReceiptsRepository } from './receipts.repository';
export { assertEarmarksHonoured } from './receipts.service';
