import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { demo } from '@shop/demo-store';
import { imageRenditions, productImages } from '../src/db/schema.js';
import { demoIllustrations } from '../src/media/illustrations.js';
import { startHarness, type Harness } from './harness.js';

const MEDIA_URL = 'http://media.test/media';
let h: Harness;
const [wayuu, raquira] = demo.sellers;
const wayuuProducts = demo.products.filter((p) => p.sellerId === wayuu.id);

beforeAll(async () => {
  h = await startHarness('products_images', { config: { MEDIA_PUBLIC_URL: MEDIA_URL } });
});
afterAll(async () => {
  await h?.stop();
});

const base = () => h.server.url.replace(/\/graphql$/, '');
const upload = (productId: string, body: Uint8Array, token?: string, options: { contentType?: string; alt?: string } = {}) =>
  fetch(`${base()}/media/products/${productId}/images${options.alt !== undefined ? `?alt=${encodeURIComponent(options.alt)}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': options.contentType ?? 'image/jpeg', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body as BodyInit,
  });

/** Every file under the test's media folder. */
function storedFiles(): string[] {
  const root = join(h.dataDir, 'media');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}
const rowCounts = async () => ({
  images: (await h.db.select({ n: count() }).from(productImages))[0]!.n,
  renditions: (await h.db.select({ n: count() }).from(imageRenditions))[0]!.n,
});

/** A photograph-like JPEG (noise, so it does not compress to nothing) stored sideways: EXIF orientation 6 turns it upright. */
const sidewaysPhoto = () =>
  sharp({ create: { width: 1700, height: 1300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
    .jpeg({ quality: 80 })
    .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'secret-camera-owner' } } })
    .toBuffer();

const IMAGES = `query($id: ID!) { product(id: $id) { images { id url width height alt srcSet renditions { url width height } } } }`;

describe('POST /media/products/:productId/images', () => {
  it('stores an upload as WebP renditions 320, 640 and 1280 wide, EXIF-rotated and stripped, and lists it last on the product', async () => {
    const product = wayuuProducts[0]!;
    const res = await upload(product.id, await sidewaysPhoto(), await h.token(wayuu.id, 'SELLER'), { alt: '  Mochila vista de lado ' });
    expect(res.status).toBe(201);
    const image = await res.json();
    // 1700×1300 stored with orientation 6 is 1300×1700 upright.
    expect(image.renditions.map((r: { width: number; height: number }) => [r.width, r.height])).toEqual([
      [320, 418],
      [640, 837],
      [1280, 1674],
    ]);
    expect(image).toMatchObject({ width: 1280, height: 1674, alt: 'Mochila vista de lado', url: image.renditions[2].url });
    expect(image.url).toMatch(new RegExp(`^${MEDIA_URL}/products/${product.id}/${image.id}-1280-[0-9a-f]{16}\\.webp$`));
    expect(image.srcSet).toBe(image.renditions.map((r: { url: string; width: number }) => `${r.url} ${r.width}w`).join(', '));

    for (const rendition of image.renditions) {
      const file = await fetch(rendition.url.replace(MEDIA_URL, `${base()}/media`));
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/webp');
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
      expect([meta.format, meta.width, meta.height, meta.exif, meta.orientation]).toEqual(['webp', rendition.width, rendition.height, undefined, undefined]);
    }
    // The demo illustration stays first; the upload follows it.
    const listed = (await h.gql(IMAGES, { id: product.id })).data.product.images;
    expect(listed.map((i: { id: string }) => i.id)).toEqual([demoIllustrations.find((d) => d.productId === product.id)!.imageId, image.id]);
    expect(listed[1]).toEqual(image);
  });

  it('never upscales: a narrow image gets only the widths it fills, a tiny one its own width; the alt defaults to the product name', async () => {
    const product = wayuuProducts[1]!;
    const seller = await h.token(wayuu.id, 'SELLER');
    const narrow = await (await upload(product.id, await sharp({ create: { width: 700, height: 350, channels: 4, background: '#c2452d' } }).png().toBuffer(), seller, { contentType: 'image/png' })).json();
    expect(narrow.renditions.map((r: { width: number; height: number }) => [r.width, r.height])).toEqual([
      [320, 160],
      [640, 320],
    ]);
    expect(narrow.alt).toBe(product.name);
    const tiny = await (await upload(product.id, await sharp({ create: { width: 200, height: 100, channels: 3, background: '#2f6f73' } }).webp().toBuffer(), seller, { contentType: 'image/webp' })).json();
    expect(tiny.renditions.map((r: { width: number }) => r.width)).toEqual([200]);
  });

  it('accepts an admin for any product, and AVIF', async () => {
    const avif = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#f2b134' } }).avif().toBuffer();
    const res = await upload(demo.products.find((p) => p.sellerId === raquira.id)!.id, avif, await h.token(demo.admin.id, 'ADMIN'), { contentType: 'image/avif' });
    expect(res.status).toBe(201);
  });

  it('refuses bad files and bad callers with a code, storing nothing: no rows, no files', async () => {
    const product = wayuuProducts[2]!;
    const seller = await h.token(wayuu.id, 'SELLER');
    const photo = await sidewaysPhoto();
    const before = { rows: await rowCounts(), files: storedFiles() };
    const refusals: [string, Response, number, string][] = [
      ['text renamed .png', await upload(product.id, Buffer.from('just some text, not a picture'), seller, { contentType: 'image/png' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a PDF', await upload(product.id, Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF'), seller, { contentType: 'image/jpeg' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a GIF (an image, another format)', await upload(product.id, await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } }).gif().toBuffer(), seller), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['an SVG', await upload(product.id, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), seller, { contentType: 'image/png' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['an empty body', await upload(product.id, new Uint8Array(0), seller), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a truncated JPEG', await upload(product.id, photo.subarray(0, Math.floor(photo.length / 2)), seller), 400, 'INVALID_IMAGE'],
      ['a JPEG signature followed by garbage', await upload(product.id, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x5a)]), seller), 400, 'INVALID_IMAGE'],
      ['more than 10 MB', await upload(product.id, Buffer.concat([photo, Buffer.alloc(10 * 1024 * 1024)]), seller), 413, 'PAYLOAD_TOO_LARGE'],
      ['more than 40 megapixels', await upload(product.id, await sharp({ create: { width: 8000, height: 5100, channels: 3, background: '#fff' } }).png({ compressionLevel: 1 }).toBuffer(), seller, { contentType: 'image/png' }), 413, 'PAYLOAD_TOO_LARGE'],
      ["another seller's product", await upload(product.id, photo, await h.token(raquira.id, 'SELLER')), 403, 'FORBIDDEN'],
      ['a customer', await upload(product.id, photo, await h.token(demo.customer.id, 'CUSTOMER')), 403, 'FORBIDDEN'],
      ['no token', await upload(product.id, photo), 401, 'UNAUTHENTICATED'],
      ['a forged token', await upload(product.id, photo, 'not.a.token'), 401, 'UNAUTHENTICATED'],
      ['an unknown product', await upload('00000000-0000-4000-8000-000000000000', photo, seller), 404, 'NOT_FOUND'],
      ['an alt text too long', await upload(product.id, photo, seller, { alt: 'x'.repeat(301) }), 400, 'INVALID_INPUT'],
    ];
    const answers = await Promise.all(refusals.map(async ([what, res]) => [what, res.status, ((await res.json()) as { error: { code: string } }).error.code]));
    expect(answers).toEqual(refusals.map(([what, , status, code]) => [what, status, code]));
    expect(await rowCounts()).toEqual(before.rows);
    expect(storedFiles()).toEqual(before.files);
  });

  it('refuses a ninth image with LIMIT_REACHED, storing nothing', async () => {
    const product = wayuuProducts[3]!;
    const seller = await h.token(wayuu.id, 'SELLER');
    const small = await sharp({ create: { width: 330, height: 200, channels: 3, background: '#8c3b2e' } }).jpeg().toBuffer();
    // The demo illustration is the first of 8.
    for (let i = 1; i < 8; i++) expect((await upload(product.id, small, seller)).status).toBe(201);
    const before = { rows: await rowCounts(), files: storedFiles() };
    const res = await upload(product.id, small, seller);
    expect([res.status, (await res.json()).error.code]).toEqual([409, 'LIMIT_REACHED']);
    expect(await rowCounts()).toEqual(before.rows);
    expect(storedFiles()).toEqual(before.files);
  });
});

describe('demo illustrations', () => {
  it('are one image per demo product whose files are rendered on first request, then served from storage', async () => {
    const illustration = demoIllustrations[5]!;
    const [rendition] = (await h.gql(IMAGES, { id: illustration.productId })).data.product.images[0].renditions;
    expect(rendition).toEqual({ url: `${MEDIA_URL}/${illustration.renditions[0]!.storageKey}`, width: 320, height: 240 });
    const path = join(h.dataDir, 'media', illustration.renditions[0]!.storageKey);
    expect(storedFiles()).not.toContain(path);
    const first = await fetch(`${base()}/media/${illustration.renditions[0]!.storageKey}`);
    expect([first.status, first.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
    const meta = await sharp(Buffer.from(await first.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 240]);
    expect(storedFiles()).toContain(path);
  });

  it('answers 404 for keys that are not stored images, paths that climb out included', async () => {
    for (const path of ['demo/nope-320-0123456789abcdef.webp', 'products/../../etc/passwd', '..%2f..%2fetc%2fpasswd', 'demo/%2e%2e/x.webp']) {
      expect((await fetch(`${base()}/media/${path}`)).status).toBe(404);
    }
  });
});

describe('removeProductImage', () => {
  const REMOVE = `mutation($productId: ID!, $imageId: ID!) { removeProductImage(productId: $productId, imageId: $imageId) { product { images { id } } errors { code field } } }`;

  it("deletes the image's rows and files; refuses another seller, an unknown image and bad ids", async () => {
    const product = wayuuProducts[4]!;
    const seller = await h.token(wayuu.id, 'SELLER');
    const image = await (await upload(product.id, await sidewaysPhoto(), seller)).json();
    const files = image.renditions.map((r: { url: string }) => join(h.dataDir, 'media', r.url.slice(MEDIA_URL.length + 1)));
    expect(storedFiles()).toEqual(expect.arrayContaining(files));

    const other = await h.gql(REMOVE, { productId: product.id, imageId: image.id }, await h.token(raquira.id, 'SELLER'));
    expect(other.data.removeProductImage).toEqual({ product: null, errors: [{ code: 'FORBIDDEN', field: ['productId'] }] });
    const unknown = await h.gql(REMOVE, { productId: product.id, imageId: '00000000-0000-4000-8000-000000000000' }, seller);
    expect(unknown.data.removeProductImage.errors).toEqual([{ code: 'NOT_FOUND', field: ['imageId'] }]);
    const bad = await h.gql(REMOVE, { productId: product.id, imageId: 'nope' }, seller);
    expect(bad.data.removeProductImage.errors).toEqual([{ code: 'INVALID_INPUT', field: ['imageId'] }]);
    expect(storedFiles()).toEqual(expect.arrayContaining(files));

    const removed = await h.gql(REMOVE, { productId: product.id, imageId: image.id }, seller);
    expect(removed.data.removeProductImage.errors).toEqual([]);
    expect(removed.data.removeProductImage.product.images.map((i: { id: string }) => i.id)).not.toContain(image.id);
    expect(await h.db.select().from(productImages).where(eq(productImages.id, image.id))).toEqual([]);
    expect(await h.db.select().from(imageRenditions).where(eq(imageRenditions.imageId, image.id))).toEqual([]);
    for (const file of files) expect(storedFiles()).not.toContain(file);
    expect((await fetch(image.url.replace(MEDIA_URL, `${base()}/media`))).status).toBe(404);
  });

  it('keeps a removed demo illustration removed (its file is not rendered again)', async () => {
    const illustration = demoIllustrations.find((d) => d.productId === wayuuProducts[5]!.id)!;
    const removed = await h.gql(REMOVE, { productId: illustration.productId, imageId: illustration.imageId }, await h.token(wayuu.id, 'SELLER'));
    expect(removed.data.removeProductImage.errors).toEqual([]);
    expect((await fetch(`${base()}/media/${illustration.renditions[1]!.storageKey}`)).status).toBe(404);
  });
});
