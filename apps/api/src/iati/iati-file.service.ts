import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, projectOfChange, type RecordedChange } from '../audit';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobsService, QUEUES } from '../jobs';
import { FUND_NAME, IatiPublisher } from './iati-activity';
import { IatiRepository, UNPUBLISHED_STAGES } from './iati.repository';
import { iatiActivitiesXml } from './iati-xml';

/** The activities file as last generated, as it is served. */
export interface StoredIatiFile {
  generation: number;
  etag: string;
  generatedAt: Date;
  contentGzip: Buffer;
}

/**
 * The IATI activities file, generated in the background: on a schedule (IATI_CRON), and once more a
 * little after any change to a published project (IATI_DEBOUNCE_SECONDS, changes meanwhile joining
 * the same run). The queue is stately and its jobs are taken with SKIP LOCKED, so however many API
 * processes run, one generation waits and one runs. The file is kept gzip-compressed in PostgreSQL,
 * where every replica reads it.
 */
@Injectable()
export class IatiFileService implements OnModuleInit {
  private readonly publisher: IatiPublisher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: IatiRepository,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {
    this.publisher = { organisationId: config.iatiOrganisationId, name: FUND_NAME };
  }

  onModuleInit(): void {
    this.jobs.handle(QUEUES.iatiFile.name, () => this.generate());
    this.jobs.scheduleOn(QUEUES.iatiFile.name, this.config.jobs.iatiCron);
    this.audit.onRecorded((manager, change) => this.afterChange(manager, change));
  }

  /**
   * A change to a published project (or to an organization, whose names the file carries) asks for
   * a generation, in the change's own transaction: it is asked for only if the change commits.
   */
  private async afterChange(manager: EntityManager, change: RecordedChange): Promise<void> {
    if (change.entity !== 'organization') {
      const projectId = projectOfChange(change);
      if (!projectId) return;
      const stage = await this.repository.stageOf(manager, projectId);
      if (!stage || UNPUBLISHED_STAGES.includes(stage)) return;
    }
    await this.request(manager.queryRunner?.isTransactionActive === true ? manager : undefined);
  }

  /** Asks for a generation after the debounce delay; nothing more while one already waits. */
  request(manager?: EntityManager): Promise<string | null> {
    return this.jobs.send(
      QUEUES.iatiFile.name,
      {},
      { startAfterSeconds: this.config.jobs.iatiDebounceSeconds },
      manager,
    );
  }

  /** Writes the file from the primary (a replica may lag the change that asked for it) and keeps it. */
  async generate(): Promise<void> {
    const chunks: Buffer[] = [];
    const xml = iatiActivitiesXml(this.repository.activities(this.dataSource), this.publisher, new Date());
    await pipeline(xml, createGzip({ level: 9 }), async (compressed: AsyncIterable<Buffer>) => {
      for await (const chunk of compressed) chunks.push(chunk);
    });
    const content = Buffer.concat(chunks);
    const etag = `"${createHash('sha256').update(content).digest('base64url').slice(0, 32)}"`;
    await this.repository.storeActivitiesFile(etag, content);
  }

  /** The file as last generated, or null before the first generation. */
  async latest(): Promise<StoredIatiFile | null> {
    const row = await this.repository.activitiesFile();
    return row
      ? {
          generation: row.generation,
          etag: row.etag,
          generatedAt: row.generated_at,
          contentGzip: row.content_gzip,
        }
      : null;
  }
}

/** The stored file as XML, for a client that does not accept gzip. */
export function inflated(file: StoredIatiFile): Readable {
  return Readable.from([file.contentGzip]).pipe(createGunzip());
}
