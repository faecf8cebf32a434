import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance';
import { ReceiptsModule } from '../receipts';
import { ReportsModule } from '../reports';
import { RevisionsController } from './revisions.controller';
import { RevisionsRepository } from './revisions.repository';
import { RevisionsService } from './revisions.service';

/** Budget revisions and no-cost extensions of approved projects, decided under four eyes. */
@Module({
  imports: [ComplianceModule, ReportsModule, ReceiptsModule],
  controllers: [RevisionsController],
  providers: [RevisionsService, RevisionsRepository],
})
export class RevisionsModule {}
