import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { fail, ok, type Result, userError, zId } from '@shop/common';
import type { Viewer } from '@shop/auth';
import type { Database, Transaction } from '@shop/db';
import { imageRenditions, productImages, products, type ProductRow, type ProductsSchema } from '../db/schema.js';
import { ProductsErrorCode } from '../errors.js';
import { demoIllustrations } from '../media/illustrations.js';
import { processUpload, type ProcessedImage } from '../media/renditions.js';
import type { MediaStorage } from '../media/storage.js';
import { productColumns } from './catalog.js';
import { canManageProduct } from './visibility.js';

type Db = Database<ProductsSchema>;
type Tx = Transaction<ProductsSchema> | Db;

/** A product has at most this many images. */
export const MAX_IMAGES_PER_PRODUCT = 8;

export interface StoredImage {
  id: string;
  productId: string;
  position: number;
  alt: string | null;
  width: number;
  height: number;
  /** Narrowest first. */
  renditions: { width: number; height: number; storageKey: string }[];
}

/** Every image of these products with its renditions, in one query, each product's in position order. */
export async function findImagesByProducts(db: Db, productIds: readonly string[]): Promise<Map<string, StoredImage[]>> {
  const byProduct = new Map<string, StoredImage[]>();
  if (productIds.length === 0) return byProduct;
  const rows = await db
    .select({ image: productImages, rendition: { width: imageRenditions.width, height: imageRenditions.height, storageKey: imageRenditions.storageKey } })
    .from(productImages)
    .innerJoin(imageRenditions, eq(imageRenditions.imageId, productImages.id))
    .where(inArray(productImages.productId, [...productIds]))
    .orderBy(asc(productImages.productId), asc(productImages.position), asc(imageRenditions.width));
  let current: StoredImage | undefined;
  for (const { image, rendition } of rows) {
    if (current?.id !== image.id) {
      current = { id: image.id, productId: image.productId, position: image.position, alt: image.alt, width: image.width, height: image.height, renditions: [] };
      byProduct.set(image.productId, [...(byProduct.get(image.productId) ?? []), current]);
    }
    current.renditions.push(rendition);
  }
  return byProduct;
}

/** Why an upload was refused, with the HTTP status it is answered with. */
export interface UploadRefusal {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415;
  code: string;
  message: string;
}

const notFound: UploadRefusal = { status: 404, code: ProductsErrorCode.NotFound, message: 'There is no product with this id.' };
const forbidden: UploadRefusal = { status: 403, code: ProductsErrorCode.Forbidden, message: "Only the product's seller or an admin can add its images." };
const limitReached: UploadRefusal = { status: 409, code: ProductsErrorCode.LimitReached, message: `A product has at most ${MAX_IMAGES_PER_PRODUCT} images; remove one first.` };

const imageCount = async (tx: Tx, productId: string) =>
  Number((await tx.select({ n: sql<number>`count(*)::int` }).from(productImages).where(eq(productImages.productId, productId)))[0]!.n);

/** Whether this viewer may add an image to this product now; checked before the body is read, and again when the rows are written. */
export async function checkUpload(db: Db, viewer: Viewer, productId: string): Promise<UploadRefusal | null> {
  if (!zId.safeParse(productId).success) return notFound;
  const [product] = await db.select({ sellerId: products.sellerId }).from(products).where(eq(products.id, productId));
  if (!product) return notFound;
  if (!canManageProduct(viewer, product)) return forbidden;
  return (await imageCount(db, productId)) >= MAX_IMAGES_PER_PRODUCT ? limitReached : null;
}

const renditionKey = (productId: string, imageId: string, width: number, hash: string) => `products/${productId}/${imageId}-${width}-${hash}.webp`;

/**
 * Adds an uploaded file as the product's last image. Everything that can refuse it (the bytes, the viewer, the limit)
 * is decided before or around the writes so a refusal stores nothing: files are written only for an accepted image,
 * and removed again if the rows then cannot be (the limit reached by a concurrent upload, the product gone).
 */
export async function addProductImage(
  db: Db,
  storage: MediaStorage,
  viewer: Viewer,
  productId: string,
  body: Buffer,
  alt: string | null,
): Promise<{ ok: true; image: StoredImage; productName: string } | { ok: false; refusal: UploadRefusal }> {
  const refused = await checkUpload(db, viewer, productId);
  if (refused) return { ok: false, refusal: refused };
  const processed = await processUpload(body);
  if (!processed.ok) return { ok: false, refusal: { status: processed.refusal.code === 'INVALID_IMAGE' ? 400 : processed.refusal.code === 'PAYLOAD_TOO_LARGE' ? 413 : 415, ...processed.refusal } };
  const imageId = randomUUID();
  const files = processed.image.renditions.map((r) => ({ ...r, storageKey: renditionKey(productId, imageId, r.width, r.hash) }));
  await Promise.all(files.map((f) => storage.put(f.storageKey, f.body, 'image/webp')));
  try {
    const written = await db.transaction((tx) => insertImage(tx, viewer, productId, imageId, alt, processed.image, files));
    if (!written.ok) await storage.delete(files.map((f) => f.storageKey));
    return written;
  } catch (error) {
    await storage.delete(files.map((f) => f.storageKey));
    throw error;
  }
}

async function insertImage(
  tx: Transaction<ProductsSchema>,
  viewer: Viewer,
  productId: string,
  imageId: string,
  alt: string | null,
  image: ProcessedImage,
  files: { width: number; height: number; storageKey: string }[],
): Promise<{ ok: true; image: StoredImage; productName: string } | { ok: false; refusal: UploadRefusal }> {
  // The product row's lock puts concurrent uploads of one product in line, so the count and the next position hold.
  const [product] = await tx.select({ sellerId: products.sellerId, name: products.name }).from(products).where(eq(products.id, productId)).for('update');
  if (!product) return { ok: false, refusal: notFound };
  if (!canManageProduct(viewer, product)) return { ok: false, refusal: forbidden };
  if ((await imageCount(tx, productId)) >= MAX_IMAGES_PER_PRODUCT) return { ok: false, refusal: limitReached };
  const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${productImages.position}) + 1, 0)::int` }).from(productImages).where(eq(productImages.productId, productId))) as [{ next: number }];
  const [row] = await tx.insert(productImages).values({ id: imageId, productId, position: next, alt, width: image.width, height: image.height }).returning();
  const renditions = files.map(({ width, height, storageKey }) => ({ width, height, storageKey }));
  await tx.insert(imageRenditions).values(renditions.map((r) => ({ imageId, ...r })));
  return { ok: true, productName: product.name, image: { id: imageId, productId, position: row!.position, alt: row!.alt, width: row!.width, height: row!.height, renditions } };
}

/** Deletes one image of the product (rows, then its files once the deletion committed); the product's seller or an admin. */
export async function removeProductImage(db: Db, storage: MediaStorage, viewer: Viewer, productId: string, imageId: string): Promise<Result<ProductRow>> {
  if (!zId.safeParse(productId).success) return fail(userError(ProductsErrorCode.InvalidInput, 'Must be a valid ID.', ['productId']));
  if (!zId.safeParse(imageId).success) return fail(userError(ProductsErrorCode.InvalidInput, 'Must be a valid ID.', ['imageId']));
  const removed = await db.transaction(async (tx) => {
    const [product] = await tx.select(productColumns).from(products).where(eq(products.id, productId)).for('update');
    if (!product) return fail<{ product: ProductRow; keys: string[] }>(userError(ProductsErrorCode.NotFound, 'There is no product with this id.', ['productId']));
    if (!canManageProduct(viewer, product)) return fail<{ product: ProductRow; keys: string[] }>(userError(ProductsErrorCode.Forbidden, "Only the product's seller or an admin can remove its images.", ['productId']));
    const keys = await tx.select({ key: imageRenditions.storageKey }).from(imageRenditions).where(eq(imageRenditions.imageId, imageId));
    const [deleted] = await tx.delete(productImages).where(and(eq(productImages.id, imageId), eq(productImages.productId, productId))).returning({ id: productImages.id });
    if (!deleted) return fail<{ product: ProductRow; keys: string[] }>(userError(ProductsErrorCode.NotFound, 'This product has no image with this id.', ['imageId']));
    return ok({ product, keys: keys.map((k) => k.key) });
  });
  if (!removed.ok) return removed;
  await storage.delete(removed.value.keys);
  return ok(removed.value.product);
}

/** The demo products' illustrations as image rows (files are rendered on first request): part of the demo seed. */
export async function seedDemoImages(tx: Tx, productIds: ReadonlySet<string>): Promise<void> {
  const seeded = demoIllustrations.filter((i) => productIds.has(i.productId));
  if (seeded.length === 0) return;
  await tx.insert(productImages).values(seeded.map((i) => ({ id: i.imageId, productId: i.productId, position: 0, alt: null, width: i.width, height: i.height })));
  await tx.insert(imageRenditions).values(seeded.flatMap((i) => i.renditions.map((r) => ({ imageId: i.imageId, ...r }))));
}
