import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { TimelineController } from './timeline.controller';

/** Global: every feature that writes records its changes through AuditService. */
@Global()
@Module({
  controllers: [AuditController, TimelineController],
  providers: [AuditService, AuditRepository],
  exports: [AuditService],
})
export class AuditModule {}
