import { Module } from '@nestjs/common';
import { FundModule } from '../fund/fund.module';
import { TransfersController } from './transfers.controller';
import { TransfersService } from './transfers.service';

@Module({
  imports: [FundModule],
  controllers: [TransfersController],
  providers: [TransfersService],
})
export class TransfersModule {}
