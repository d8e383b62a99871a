import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';

/**
 * Where image files live, by key (e.g. "products/<productId>/<imageId>-640-<hash>.webp"). Keys are checked by the
 * caller (media/keys.ts) before they get here: an implementation never sees a path that climbs out of its root.
 */
export interface MediaStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The file's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes every key; a key that is already gone is not an error. */
  delete(keys: readonly string[]): Promise<void>;
}

/** The embedded default: files under DATA_DIR/media. */
export class DiskMediaStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  async put(key: string, body: Buffer): Promise<void> {
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside and renamed, so a reader never gets half a file (a demo rendition is written on first GET).
    const partial = `${path}.${randomUUID()}.partial`;
    await writeFile(partial, body);
    await rename(partial, path);
  }

  async get(key: string): Promise<Buffer | null> {
    return readFile(join(this.root, key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(join(this.root, key), { force: true })));
  }
}

export interface S3Settings {
  bucket: string;
  /** An S3-compatible server (MinIO, R2, …); unset: AWS itself. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's own credential chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Path-style URLs (endpoint/bucket/key), which most S3-compatible servers need. */
  forcePathStyle: boolean;
}

/** S3-compatible object storage. The SDK is loaded on first use, so the embedded default never loads it. */
export class S3MediaStorage implements MediaStorage {
  private client?: Promise<{ client: S3Client; sdk: typeof import('@aws-sdk/client-s3') }>;

  constructor(private readonly settings: S3Settings) {}

  private connect() {
    this.client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: this.settings.region,
        endpoint: this.settings.endpoint,
        forcePathStyle: this.settings.forcePathStyle,
        credentials: this.settings.credentials,
        // The SDK's default CRC32 checksums on every request are refused by several S3-compatible servers; S3 needs none here.
        ...(this.settings.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const } : {}),
      }),
    }));
    return this.client;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const { client, sdk } = await this.connect();
    await client.send(new sdk.PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: body, ContentType: contentType, CacheControl: IMMUTABLE }));
  }

  async get(key: string): Promise<Buffer | null> {
    const { client, sdk } = await this.connect();
    try {
      const answer = await client.send(new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : null;
    } catch (error) {
      if (error instanceof sdk.NoSuchKey || (error as { name?: string }).name === 'NotFound') return null;
      throw error;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const { client, sdk } = await this.connect();
    // DeleteObject of a missing key succeeds in S3; one request per key keeps to what every S3-compatible server has.
    await Promise.all(keys.map((key) => client.send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }))));
  }
}

/** Content-addressed files never change under their name: caches may keep them for a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
