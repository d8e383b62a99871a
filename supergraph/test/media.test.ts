import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import sharp from 'sharp';
import { createTokenIssuer, generateKeyPairPem, type TokenIssuer } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { startTestPlatform } from './support/platform.js';
import { statementsByTrace } from './support/statements.js';

/** Product images through the gateway: uploads and files pass /media to the products service; Product.images is batched. */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let issuer: TokenIssuer;
const dataDir = mkdtempSync(join(tmpdir(), 'gateway-media-'));
const statements = statementsByTrace();

beforeAll(async () => {
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  platform = await startTestPlatform(inject('databaseUrl'), { keys, onQuery: statements.onQuery, serviceConfig: { products: { DATA_DIR: dataDir } } });
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
  await statements.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const gateway = () => platform.gatewayUrl.replace(/\/graphql$/, '');
/** The gateway listens on 127.0.0.1; public URLs name it localhost. */
const local = (url: string) => url.replace('http://localhost:', 'http://127.0.0.1:');
const [wayuu] = demo.sellers;
const product = demo.products.find((p) => p.sellerId === wayuu.id)!;

describe('/media through the gateway', () => {
  it('uploads with the Authorization header passed on, and serves the renditions cacheable and embeddable by the storefront', async () => {
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#1f7a6d' } }).jpeg().toBuffer();
    const res = await fetch(`${gateway()}/media/products/${product.id}/images?alt=Vista`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await issuer.issue({ id: wayuu.id, roles: ['SELLER'] })}`, 'content-type': 'image/jpeg' },
      body: photo,
    });
    expect(res.status).toBe(201);
    const image = await res.json();
    const port = new URL(gateway()).port;
    expect(image.url).toMatch(new RegExp(`^http://localhost:${port}/media/products/${product.id}/`));
    expect(image.renditions.map((r: { width: number }) => r.width)).toEqual([320, 640]);

    const file = await fetch(local(image.url));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/webp');
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(file.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).width).toBe(640);
  });

  it('passes refusals through with their status and code: no token, too large (streamed, no Content-Length), not an image', async () => {
    const noToken = await fetch(`${gateway()}/media/products/${product.id}/images`, { method: 'POST', body: Buffer.from('x') });
    expect([noToken.status, (await noToken.json()).error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const token = await issuer.issue({ id: wayuu.id, roles: ['SELLER'] });
    const chunk = Buffer.alloc(1024 * 1024, 1);
    let sent = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (sent++ < 11) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const tooLarge = await fetch(`${gateway()}/media/products/${product.id}/images`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: stream, duplex: 'half' } as RequestInit);
    expect([tooLarge.status, (await tooLarge.json()).error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const text = await fetch(`${gateway()}/media/products/${product.id}/images`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body: 'hola' });
    expect([text.status, (await text.json()).error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect((await fetch(`${gateway()}/media/products/x`, { method: 'DELETE' })).status).toBe(405);
  });

  it('lists a catalog page of 20 products with their images (demo illustrations) in ONE images query', async () => {
    const { traceId, headers } = statements.newTrace();
    const res = await graphqlRequest(platform.gatewayUrl, `{ products(first: 20) { edges { node { id images { url srcSet renditions { width } } } } } }`, {}, undefined, headers);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.products.edges.map((e: { node: { images: { url: string; srcSet: string; renditions: { width: number }[] }[] } }) => e.node);
    expect(nodes).toHaveLength(20);
    expect(nodes.every((n: (typeof nodes)[number]) => n.images.length >= 1 && n.images[0]!.renditions.map((r: { width: number }) => r.width).join() === '320,640,1280' && n.images[0]!.srcSet.includes(' 640w'))).toBe(true);
    const imageQueries = statements.of(traceId).filter((s) => s.subgraph === 'products' && /from "product_images"/i.test(s.sql));
    expect(imageQueries).toHaveLength(1);
    // A demo illustration is rendered on its first request, through the gateway.
    const illustration = await fetch(local(nodes[0]!.images[0]!.url));
    expect([illustration.status, illustration.headers.get('content-type')]).toEqual([200, 'image/webp']);
  });
});
