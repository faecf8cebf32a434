import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance';
import { ReportsModule } from '../reports';
import { TransfersController } from './transfers.controller';
import { TransfersService } from './transfers.service';

@Module({
  imports: [ComplianceModule, ReportsModule],
  controllers: [TransfersController],
  providers: [TransfersService],
})
export class TransfersModule {}
