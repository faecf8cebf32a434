import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports';
import { TranchesController } from './tranches.controller';
import { TranchesRepository } from './tranches.repository';
import { TranchesService } from './tranches.service';

@Module({
  imports: [ReportsModule],
  controllers: [TranchesController],
  providers: [TranchesRepository, TranchesService],
  exports: [TranchesService],
})
export class TranchesModule {}
