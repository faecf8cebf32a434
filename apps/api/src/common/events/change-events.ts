import { randomUUID } from 'node:crypto';
import {
  Global,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import createPostgresSubscriber, { Subscriber } from 'pg-listen';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/** One committed change of a record, as its audit entry names it. */
export interface ChangeEvent {
  entity: string;
  entityId: string;
  action: string;
  /** On an update: the top-level fields whose value changed. */
  fields?: string[];
}

interface Subscription {
  concerns: (event: ChangeEvent) => boolean;
  onChange: () => void;
}

interface Pending {
  events: ChangeEvent[];
  /** How many of them were already sent with NOTIFY (at a savepoint's release). */
  notified: number;
}

/** The PostgreSQL channel every API process listens on. */
export const CHANGES_CHANNEL = 'hstf_changes';

const MAX_PAYLOAD_BYTES = 7_900;

/** Wait between reconnection attempts: quick at first, then every 5 s, without end. */
const retryInterval = (attempt: number) => Math.min(250 * 2 ** attempt, 5_000);

/**
 * Committed changes, told to whatever keeps a copy of the data (the caches), in this API process
 * and in every other one on the same database. Like Vendure's EventBus, a change published inside
 * a transaction reaches subscribers only once that transaction has committed, and never if it rolls
 * back, so a cache cannot be refilled from data that is not yet (or never) visible.
 *
 * Here: subscribers are called during the commit, before the writer answers, so the process that
 * wrote serves the change at once. Other processes: the events of a transaction are sent with
 * NOTIFY inside it, which PostgreSQL delivers to the listeners only on commit; each process listens
 * on one dedicated connection (pg-listen), which reconnects after a restart or a network cut and
 * then tells every subscriber that it may have missed changes.
 */
@Injectable()
export class ChangeEvents
  implements EntitySubscriberInterface, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(ChangeEvents.name);
  /** Marks this process's own notifications, which it has already delivered at commit. */
  private readonly origin = randomUUID();
  private readonly subscriptions: Subscription[] = [];
  private readonly pending = new WeakMap<QueryRunner, Pending>();
  private listener: Subscriber | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    // TypeORM tells its subscribers of every transaction's commit and rollback (on any query runner).
    dataSource.subscribers.push(this);
  }

  /**
   * Calls `onChange` after each committed change that `concerns` it (in any API process), and after
   * the listener reconnected, when changes may have been missed. Returns the unsubscribe function.
   */
  subscribe(concerns: (event: ChangeEvent) => boolean, onChange: () => void): () => void {
    const subscription = { concerns, onChange };
    this.subscriptions.push(subscription);
    return () => {
      const index = this.subscriptions.indexOf(subscription);
      if (index >= 0) this.subscriptions.splice(index, 1);
    };
  }

  /** Publishes a change made with `manager`: after its transaction commits, or now outside one. */
  async publish(manager: EntityManager, event: ChangeEvent): Promise<void> {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      const pending = this.pending.get(runner) ?? { events: [], notified: 0 };
      pending.events.push(event);
      this.pending.set(runner, pending);
      return;
    }
    await this.notify(manager, [event]);
    this.deliver([event]);
  }

  /**
   * NOTIFY inside the transaction: PostgreSQL sends it on commit and drops it on rollback (also of
   * a savepoint, so a notification sent at a savepoint's release follows its outer transaction).
   */
  async beforeTransactionCommit(commit: TransactionCommitEvent): Promise<void> {
    const pending = this.pending.get(commit.queryRunner);
    if (!pending || pending.notified === pending.events.length) return;
    await this.notify(commit.queryRunner.manager, pending.events.slice(pending.notified));
    pending.notified = pending.events.length;
  }

  afterTransactionCommit(commit: TransactionCommitEvent): void {
    const runner = commit.queryRunner;
    if (runner.isTransactionActive) return;
    const pending = this.pending.get(runner);
    this.pending.delete(runner);
    if (pending) this.deliver(pending.events);
  }

  /** Only the outer transaction's end drops them: a savepoint's change delivered anyway costs a refresh. */
  afterTransactionRollback(rollback: TransactionRollbackEvent): void {
    if (!rollback.queryRunner.isTransactionActive) this.pending.delete(rollback.queryRunner);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { url } = this.dataSource.options as { url?: string };
    const listener = createPostgresSubscriber(
      { connectionString: url, application_name: 'hstf-api-listener' },
      // No timeout: a listener that gave up would leave this process's caches stale for good.
      { retryInterval, retryLimit: Infinity, retryTimeout: 0, paranoidChecking: 10_000 },
    );
    let reconnecting = false;
    listener.events.on('reconnect', (attempt) => {
      reconnecting = true;
      if (attempt === 1) this.logger.warn('Lost the change notifications connection; reconnecting');
    });
    listener.events.on('connected', () => {
      if (!reconnecting) return;
      reconnecting = false;
      this.logger.log('Change notifications reconnected');
      this.resync();
    });
    listener.events.on('error', (error) => this.logger.error(`Change notifications: ${error.message}`));
    listener.notifications.on(
      CHANGES_CHANNEL,
      (message: { origin: string; events: ChangeEvent[] | null }) => {
        if (message.origin === this.origin) return;
        if (message.events) this.deliver(message.events);
        else this.resync();
      },
    );
    await listener.connect();
    await listener.listenTo(CHANGES_CHANNEL);
    this.listener = listener;
  }

  async onApplicationShutdown(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    await listener?.close().catch(() => undefined);
  }

  private async notify(manager: EntityManager, events: ChangeEvent[]): Promise<void> {
    let payload = JSON.stringify({ origin: this.origin, events });
    // PostgreSQL refuses a payload of 8000 bytes or more; a larger batch tells the others to refresh all.
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES)
      payload = JSON.stringify({ origin: this.origin, events: null });
    await manager.query(`SELECT pg_notify($1, $2)`, [CHANGES_CHANNEL, payload]);
  }

  private deliver(events: ChangeEvent[]): void {
    for (const subscription of this.subscriptions) {
      if (events.some((event) => subscription.concerns(event))) this.call(subscription);
    }
  }

  /** Notifications sent while the listener was away are lost: every copy is refreshed. */
  private resync(): void {
    for (const subscription of this.subscriptions) this.call(subscription);
  }

  private call(subscription: Subscription): void {
    try {
      subscription.onChange();
    } catch (error) {
      this.logger.error(`A change subscriber failed: ${(error as Error).message}`);
    }
  }
}

/** Global: AuditService publishes every recorded change; caches subscribe. */
@Global()
@Module({ providers: [ChangeEvents], exports: [ChangeEvents] })
export class ChangeEventsModule {}
