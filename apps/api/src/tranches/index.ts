export { TranchesModule } from './tranches.module';
export { TranchesService } from './tranches.service';
