export { ResultsModule } from './results.module';
