export { FundModule } from './fund.module';
export { FundService } from './fund.service';
