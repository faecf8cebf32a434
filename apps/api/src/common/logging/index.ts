export { LoggingModule } from './logging.module';
export { NestPinoLogger } from './nest-logger';
export { registerRequestLog } from './request-log';
export { ROOT_LOGGER } from './root-logger';
