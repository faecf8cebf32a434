export { AccessTokensModule } from './access-tokens.module';
export { AccessTokensService } from './access-tokens.service';
