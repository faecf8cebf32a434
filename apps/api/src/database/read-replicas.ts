import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool, type QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../common/problem-details/database-unavailable';
import { ChangeEvents } from '../common/events/change-events';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { poolOf, preparedOn, preparedQuery } from './prepared-query';

/** How often the primary's WAL position and each replica's replay position are read. */
const CHECK_INTERVAL_MS = 500;
/** A replica whose position is older than this is not trusted (its check failed or hangs). */
const CHECK_STALE_MS = 3 * CHECK_INTERVAL_MS;

interface Replica {
  label: string;
  pool: Pool;
  /** The WAL position it has replayed, as of `checkedAt`; null when it could not be read. */
  replayed: bigint | null;
  checkedAt: number;
}

/** `16/B374D848` → a number, to compare WAL positions. */
function lsn(text: string | null): bigint | null {
  if (!text) return null;
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

/**
 * Reads that may be answered by a PostgreSQL streaming replica (DATABASE_REPLICA_URL): the
 * dashboard's lists, counts and exports. Everything else, writes, decisions and the reads inside
 * them, stays on the primary, where the rules are checked under their locks.
 *
 * A replica answers only when it has replayed everything the primary held one check ago and every
 * change recorded since: on a committed change (this process's, or another's by NOTIFY; see
 * ChangeEvents) reads go to the primary until the replicas have replayed past the primary's
 * position after that change. So whoever wrote reads their write, and a replica that falls behind
 * (or stops replaying) stops answering within a check. A replica that fails a read is set aside
 * until its next good check, and the read is answered by the primary instead.
 */
@Injectable()
export class ReadReplicas implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReadReplicas.name);
  private readonly replicas: Replica[];
  /** Replicas must have replayed at least this far: the primary's position one check ago, or after the last change. */
  private mustReach = 0n;
  /** The primary's position at the last check. */
  private lastPrimary: bigint | null = null;
  /** The primary's position read after the last change: whoever wrote it must read it. */
  private changeTarget = 0n;
  /** A change committed that no primary position has been read after yet: nothing is fresh enough. */
  private changeUnmeasured = false;
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | null = null;
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ChangeEvents,
  ) {
    this.replicas = config.databaseReplicaUrls.map((url, index) => ({
      label: `replica ${index + 1} (${new URL(url).host})`,
      pool: new Pool({
        connectionString: url,
        max: config.db.poolMax,
        connectionTimeoutMillis: config.db.connectTimeoutMs,
        idleTimeoutMillis: 30_000,
        statement_timeout: config.db.statementTimeoutMs,
        query_timeout: config.db.queryTimeoutMs,
        application_name: 'hstf-api-replica',
      }).on('error', () => undefined),
      replayed: null,
      checkedAt: 0,
    }));
  }

  onApplicationBootstrap(): void {
    if (this.replicas.length === 0) return;
    this.unsubscribe = this.changes.subscribe(
      () => true,
      () => {
        this.changeUnmeasured = true;
        void this.check();
      },
    );
    this.timer = setInterval(() => void this.check(), CHECK_INTERVAL_MS).unref();
    void this.check();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.checking?.catch(() => undefined);
    await Promise.all(this.replicas.map((replica) => replica.pool.end().catch(() => undefined)));
  }

  /** The rows of a read, from a replica that is fresh enough, else from the primary. */
  async query<T extends QueryResultRow>(text: string, values: readonly unknown[] = []): Promise<T[]> {
    const replica = this.freshReplica();
    if (replica) {
      try {
        return await preparedOn<T>(replica.pool, text, values);
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        this.setAside(replica, error);
      }
    }
    return preparedQuery<T>(this.dataSource, text, values);
  }

  /** The pool a long read (an export's cursor) should use: a fresh replica's, else the primary's. */
  poolForRead(): Pool {
    return this.freshReplica()?.pool ?? poolOf(this.dataSource);
  }

  /** Which side would answer a read now: for the health report and the tests. */
  describe(): { replicas: number; fresh: number } {
    const now = Date.now();
    return {
      replicas: this.replicas.length,
      fresh: this.replicas.filter((replica) => this.isFresh(replica, now)).length,
    };
  }

  private freshReplica(): Replica | undefined {
    if (this.replicas.length === 0 || this.changeUnmeasured) return undefined;
    const now = Date.now();
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[this.next++ % this.replicas.length]!;
      if (this.isFresh(replica, now)) return replica;
    }
    return undefined;
  }

  private isFresh(replica: Replica, now: number): boolean {
    return (
      !this.changeUnmeasured &&
      replica.replayed !== null &&
      replica.replayed >= this.mustReach &&
      now - replica.checkedAt <= CHECK_STALE_MS
    );
  }

  private setAside(replica: Replica, error: unknown): void {
    if (replica.replayed !== null) {
      this.logger.warn(
        `${replica.label} failed a read, answered by the primary: ${(error as Error).message}`,
      );
    }
    replica.replayed = null;
  }

  /** One check at a time; a change during a check asks for another right after it. */
  private check(): Promise<void> {
    if (this.checking) {
      void this.checking.then(() => (this.changeUnmeasured ? this.check() : undefined));
      return this.checking;
    }
    this.checking = this.measure().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async measure(): Promise<void> {
    // Read before the primary's position: a change after this point is measured by the next check.
    const changeSeen = this.changeUnmeasured;
    let primary: bigint | null;
    try {
      const [row] = await preparedQuery<{ position: string }>(
        this.dataSource,
        'SELECT pg_current_wal_lsn()::text AS position',
      );
      primary = lsn(row?.position ?? null);
    } catch {
      // Without the primary's position nothing can be judged fresh: every read goes to the primary.
      for (const replica of this.replicas) replica.replayed = null;
      return;
    }
    await Promise.all(
      this.replicas.map(async (replica) => {
        try {
          const [row] = await preparedOn<{ position: string | null }>(
            replica.pool,
            'SELECT pg_last_wal_replay_lsn()::text AS position',
          );
          const replayed = lsn(row?.position ?? null);
          if (replayed === null) this.logger.warn(`${replica.label} is not a streaming replica`);
          replica.replayed = replayed;
          replica.checkedAt = Date.now();
        } catch (error) {
          this.setAside(replica, error);
        }
      }),
    );
    if (primary === null) return;
    // A replica may be one check behind the primary, never more; and never behind a change.
    const oneCheckAgo = this.lastPrimary ?? primary;
    this.lastPrimary = primary;
    if (changeSeen) {
      if (primary > this.changeTarget) this.changeTarget = primary;
      this.changeUnmeasured = false;
    }
    this.mustReach = oneCheckAgo > this.changeTarget ? oneCheckAgo : this.changeTarget;
    // Replication usually takes milliseconds: look again soon rather than a whole interval later.
    if (this.replicas.some((replica) => replica.replayed !== null && replica.replayed < this.changeTarget)) {
      setTimeout(() => void this.check(), 25).unref();
    }
  }
}

/** Global, so that any feature's repository can send its dashboard reads to a replica. */
@Global()
@Module({ providers: [ReadReplicas], exports: [ReadReplicas] })
export class ReadReplicasModule {}
