import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { demo } from '@shop/demo-store';
import { demoIllustrations } from '../src/media/illustrations.js';
import { startHarness, type Harness } from './harness.js';

/**
 * The products service with S3_BUCKET set, against a small in-memory stand-in for an S3 endpoint that records every
 * request. What this proves: the real @aws-sdk/client-s3, as configured from S3_* settings, sends signed, path-style
 * PutObject / GetObject / DeleteObject requests for exactly the keys and bytes the service means (nothing on a refusal,
 * nothing on disk), and the service reads a missing key (404 NoSuchKey) as a missing file. What it does NOT prove:
 * that a real S3 or MinIO accepts them (the stand-in checks no signature and implements only these three calls); no
 * S3-compatible server runs here (no Docker; s3rver, the npm one, has had no release since 2021).
 */
interface Recorded {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}
const requests: Recorded[] = [];
const objects = new Map<string, Buffer>();
let s3: http.Server;
let h: Harness;
const BUCKET = 'shop-media';
const [wayuu] = demo.sellers;
const product = demo.products.find((p) => p.sellerId === wayuu.id)!;

beforeAll(async () => {
  s3 = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = decodeURIComponent(new URL(req.url!, 'http://s3').pathname);
    requests.push({ method: req.method!, path, headers: req.headers, body: Buffer.concat(chunks) });
    if (req.method === 'PUT') {
      objects.set(path, Buffer.concat(chunks));
      res.writeHead(200, { etag: '"x"' }).end();
    } else if (req.method === 'GET' && objects.has(path)) {
      res.writeHead(200, { 'content-type': 'image/webp', 'content-length': objects.get(path)!.length }).end(objects.get(path));
    } else if (req.method === 'GET') {
      res.writeHead(404, { 'content-type': 'application/xml' }).end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
    } else if (req.method === 'DELETE') {
      objects.delete(path);
      res.writeHead(204).end();
    } else res.writeHead(405).end();
  });
  await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(s3.address() as { port: number }).port}`;
  h = await startHarness('products_s3', { config: { S3_BUCKET: BUCKET, S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'test-key', S3_SECRET_ACCESS_KEY: 'test-secret', MEDIA_PUBLIC_URL: 'http://media.test/media' } });
});
afterAll(async () => {
  await h?.stop();
  await new Promise((resolve) => s3?.close(resolve));
});

const base = () => h.server.url.replace(/\/graphql$/, '');
const upload = async (body: Buffer | string) =>
  fetch(`${base()}/media/products/${product.id}/images`, { method: 'POST', headers: { authorization: `Bearer ${await h.token(wayuu.id, 'SELLER')}` }, body: body as BodyInit });

describe('S3 storage (S3_BUCKET set)', () => {
  it('puts each rendition under its key with its bytes, type and cache header, signed; serves and deletes them from the bucket; nothing on disk', async () => {
    requests.length = 0;
    const res = await upload(await sharp({ create: { width: 700, height: 500, channels: 3, background: '#c2452d' } }).jpeg().toBuffer());
    expect(res.status).toBe(201);
    const image = await res.json();
    const keys: string[] = image.renditions.map((r: { url: string }) => r.url.replace('http://media.test/media/', ''));
    expect(keys).toHaveLength(2);
    const puts = requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path).sort()).toEqual(keys.map((k) => `/${BUCKET}/${k}`).sort());
    for (const put of puts) {
      expect(put.headers['content-type']).toBe('image/webp');
      expect(put.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test-key\/\d{8}\/us-east-1\/s3\/aws4_request/);
      const meta = await sharp(objects.get(put.path)!).metadata();
      expect(meta.format).toBe('webp');
    }
    expect(existsSync(join(h.dataDir, 'media'))).toBe(false);

    const served = await fetch(`${base()}/media/${keys[1]}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(objects.get(`/${BUCKET}/${keys[1]}`)!)).toBe(true);

    requests.length = 0;
    const removed = await h.gql(`mutation($p: ID!, $i: ID!) { removeProductImage(productId: $p, imageId: $i) { errors { code } } }`, { p: product.id, i: image.id }, await h.token(wayuu.id, 'SELLER'));
    expect(removed.data.removeProductImage.errors).toEqual([]);
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.path).sort()).toEqual(keys.map((k) => `/${BUCKET}/${k}`).sort());
    expect((await fetch(`${base()}/media/${keys[1]}`)).status).toBe(404);
  });

  it('sends nothing to the bucket for a refused upload', async () => {
    requests.length = 0;
    expect((await upload('not an image')).status).toBe(415);
    expect(requests).toEqual([]);
  });

  it('renders a demo illustration on first request into the bucket, then serves it from there', async () => {
    const key = demoIllustrations.find((d) => d.productId === product.id)!.renditions[0]!.storageKey;
    requests.length = 0;
    expect((await fetch(`${base()}/media/${key}`)).status).toBe(200);
    expect(requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', `/${BUCKET}/${key}`],
      ['PUT', `/${BUCKET}/${key}`],
    ]);
    requests.length = 0;
    expect((await fetch(`${base()}/media/${key}`)).status).toBe(200);
    expect(requests.map((r) => r.method)).toEqual(['GET']);
  });
});
