import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { ShutdownState } from './shutdown-state';

export interface ShutdownOptions {
  /** How long in-flight requests get to finish before their connections are cut. */
  graceMs: number;
  /** Runs once the pool is closed: stops the embedded PostgreSQL when this process started one. */
  afterClose?: () => Promise<void>;
  log?: (line: string) => void;
}

/**
 * The shutdown sequence, in an order that loses no acknowledged request: stop accepting
 * connections and answer 503 on the ones still open; let in-flight requests finish (up to the
 * grace period); close the remaining connections; close the application and its pool; only then
 * stop the database. Stopping PostgreSQL first is what cut in-flight requests off with 500s.
 */
export async function shutDown(app: INestApplication, options: ShutdownOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const state = app.get(ShutdownState);
  state.startDraining();
  const server = app.getHttpServer() as Server;
  server.close();
  const waiting = state.requestsInFlight;
  if (waiting > 0) log(`Waiting up to ${options.graceMs / 1000} s for ${waiting} request(s) in flight`);
  const finished = await state.whenIdle(options.graceMs);
  if (!finished) log(`${state.requestsInFlight} request(s) still running after the grace period: cut off`);
  server.closeAllConnections();
  await app.close();
  await options.afterClose?.();
}
