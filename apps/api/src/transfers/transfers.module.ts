import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance';
import { TransfersController } from './transfers.controller';
import { TransfersService } from './transfers.service';

@Module({
  imports: [ComplianceModule],
  controllers: [TransfersController],
  providers: [TransfersService],
})
export class TransfersModule {}
