import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import {
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { DocumentStoreConfig } from '../config/app-config';

/**
 * Where document content is kept, addressed by its SHA-256 (lower-case hex): the same content is
 * written once, whoever attaches it and to whatever record. Content is never changed in place.
 */
export interface DocumentStore {
  /** Keeps the content under its hash, unless content of that hash is already kept. */
  put(sha256: string, content: Buffer): Promise<void>;
  /** The content kept under the hash, as a stream; null when none is. */
  get(sha256: string): Promise<Readable | null>;
}

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');

/** Two levels of fan-out (ab/cd/abcd…), so no directory holds more than a few thousand files. */
function keyOf(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Files under a directory (DATA_DIR/documents by default). */
export class DiskDocumentStore implements DocumentStore {
  constructor(private readonly dir: string) {}

  async put(sha256: string, content: Buffer): Promise<void> {
    const target = path.join(this.dir, keyOf(sha256));
    if (await exists(target)) return;
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed: a reader never sees half a file, and two writers of the same
    // content end with the one file either wrote.
    const temporary = `${target}.${randomUUID()}.part`;
    try {
      await writeFile(temporary, content, { flag: 'wx' });
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable | null> {
    const target = path.join(this.dir, keyOf(sha256));
    if (!(await exists(target))) return null;
    return createReadStream(target);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, Garage…), one object per content hash. */
export class S3DocumentStore implements DocumentStore {
  private readonly client: S3Client;

  constructor(private readonly config: Extract<DocumentStoreConfig, { kind: 's3' }>) {
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      ...(config.accessKeyId && config.secretAccessKey
        ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
        : {}),
      // Checksums only where S3 demands them: not every S3-compatible server reads the newer
      // trailing-checksum encoding, and the content is already checked by its SHA-256 key.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(sha256: string, content: Buffer): Promise<void> {
    const key = keyOf(sha256);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        Body: content,
        ContentLength: content.length,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async get(sha256: string): Promise<Readable | null> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: keyOf(sha256) }),
      );
      return answer.Body instanceof Readable ? answer.Body : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  if (error instanceof NotFound || error instanceof NoSuchKey) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 404;
}

export function documentStoreOf(config: DocumentStoreConfig): DocumentStore {
  return config.kind === 's3' ? new S3DocumentStore(config) : new DiskDocumentStore(config.dir);
}
