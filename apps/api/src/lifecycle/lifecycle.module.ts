import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance';
import { ReceiptsModule } from '../receipts';
import { ReportsModule } from '../reports';
import { ReviewsModule } from '../reviews';
import { LifecycleController } from './lifecycle.controller';
import { LifecycleRepository } from './lifecycle.repository';
import { LifecycleService } from './lifecycle.service';

/** Stage transitions with their gates (DESIGN.md §4.3) and the history of decisions. */
@Module({
  imports: [ComplianceModule, ReportsModule, ReviewsModule, ReceiptsModule],
  controllers: [LifecycleController],
  providers: [LifecycleService, LifecycleRepository],
  exports: [LifecycleService],
})
export class LifecycleModule {}
