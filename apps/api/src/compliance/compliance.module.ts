import { Module } from '@nestjs/common';
import { ComplianceController, ProjectComplianceController } from './compliance.controller';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';

/** Resolution 66/290: paragraph 6 (consent and alignment) per project and across the portfolio. */
@Module({
  controllers: [ProjectComplianceController, ComplianceController],
  providers: [ComplianceService, ComplianceRepository],
  exports: [ComplianceService],
})
export class ComplianceModule {}
