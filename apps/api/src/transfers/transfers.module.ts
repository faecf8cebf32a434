import { Module } from '@nestjs/common';
import { FundModule } from '../fund';
import { TransfersController } from './transfers.controller';
import { TransfersService } from './transfers.service';

@Module({
  imports: [FundModule],
  controllers: [TransfersController],
  providers: [TransfersService],
})
export class TransfersModule {}
