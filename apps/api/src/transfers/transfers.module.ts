import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance';
import { ReportsModule } from '../reports';
import { TranchesModule } from '../tranches';
import { TransfersController } from './transfers.controller';
import { TransfersService } from './transfers.service';
import { TransfersRepository } from './transfers.repository';

@Module({
  imports: [ComplianceModule, ReportsModule, TranchesModule],
  controllers: [TransfersController],
  providers: [TransfersService, TransfersRepository],
})
export class TransfersModule {}
