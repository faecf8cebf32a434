import { loadConfig } from '../config/app-config';
import { PasswordHashGate } from './password-hash-gate.service';

function deferred(): { promise: Promise<string>; resolve: (value: string) => void } {
  let resolve!: (value: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PasswordHashGate', () => {
  const gate = () => new PasswordHashGate(loadConfig({ LOGIN_HASH_CONCURRENCY: '1', LOGIN_HASH_QUEUE: '1' }));

  it('runs one hash at a time, queues the next, and refuses the one beyond the queue', async () => {
    const subject = gate();
    const first = deferred();
    const started: string[] = [];
    const running = subject.run(() => (started.push('first'), first.promise));
    const queued = subject.run(() => (started.push('second'), Promise.resolve('second')));
    await expect(subject.run(() => Promise.resolve('third'))).rejects.toMatchObject({
      slug: 'sign-in-busy',
      extensions: { retryAfterSeconds: 1 },
    });
    expect(started).toEqual(['first']);
    first.resolve('first');
    await expect(running).resolves.toBe('first');
    await expect(queued).resolves.toBe('second');
    expect(started).toEqual(['first', 'second']);
  });

  it('frees its place when a hash fails', async () => {
    const subject = gate();
    await expect(subject.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(subject.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
