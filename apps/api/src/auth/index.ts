export { AuthModule } from './auth.module';
export { LoginLimiterService } from './login-limiter.service';
export { refuseThrottledAddresses } from './refused-address';
export { SessionsService } from './sessions.service';
