export { AccountLinksModule } from './account-links.module';
