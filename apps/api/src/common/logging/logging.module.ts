import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { DestinationStream, Logger } from 'pino';
import type { AppConfig } from '../../config/app-config';
import { NestPinoLogger } from './nest-logger';
import { createRootLogger, ROOT_LOGGER } from './root-logger';

/** The process's logger, and Nest's logger on top of it (configureApp makes it Nest's). */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        { provide: ROOT_LOGGER, useValue: createRootLogger(config, destination) },
        {
          provide: NestPinoLogger,
          useFactory: (root: Logger) => new NestPinoLogger(root),
          inject: [ROOT_LOGGER],
        },
      ],
      exports: [ROOT_LOGGER, NestPinoLogger],
    };
  }
}
