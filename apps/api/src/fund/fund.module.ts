import { Module } from '@nestjs/common';
import { FundController } from './fund.controller';
import { FundService } from './fund.service';

@Module({
  controllers: [FundController],
  providers: [FundService],
  // The writers that move the Fund's figures tell the ledger's cache (FundService.changed).
  exports: [FundService],
})
export class FundModule {}
