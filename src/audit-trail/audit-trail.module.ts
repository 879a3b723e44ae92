import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditTrailController } from './audit-trail.controller.js';
import { AuditTrailRepository } from './audit-trail.repository.js';
import { AuditTrailService } from './audit-trail.service.js';

/** The audit page's reading side (the writing side, `AuditRepository.record`, lives in `audit/`, below every feature). */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditTrailController],
  providers: [AuditTrailRepository, AuditTrailService],
})
export class AuditTrailModule {}
