import type { Writable } from 'node:stream';

/** Resolves once the stream has room again, or is gone: a writer waits here while its reader is behind. */
export function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
