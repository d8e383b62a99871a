import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { eq } from 'drizzle-orm';
import { viewerFromAuthorization, type TokenVerifier, type Viewer } from '@shop/auth';
import type { Logger } from '@shop/common';
import type { Database } from '@shop/db';
import { imageRenditions, type ProductsSchema } from '../db/schema.js';
import { addProductImage, checkUpload } from '../domain/images.js';
import { ProductsErrorCode } from '../errors.js';
import { renderDemoRendition } from './illustrations.js';
import { MAX_UPLOAD_BYTES } from './renditions.js';
import { IMMUTABLE, type MediaStorage } from './storage.js';
import { MEDIA_KEY, productImageView } from './urls.js';

export interface MediaRouteDeps {
  db: Database<ProductsSchema>;
  storage: MediaStorage;
  verifier: TokenVerifier;
  mediaPublicUrl: string;
  logger: Logger;
}

const MAX_ALT_LENGTH = 300;

const refuse = (res: Response, status: number, code: string, message: string) => {
  if (!res.headersSent) res.status(status).json({ error: { code, message } });
};

/**
 * POST /media/products/:productId/images: the file as the raw request body (any Content-Type: the bytes decide),
 * ?alt= optional; answers 201 with the ProductImage, or { error: { code, message } } with 400, 401, 403, 404, 409,
 * 413 or 415. GET /media/<key>: a stored rendition, cached for a year (its name changes with its content).
 */
export function mediaRoutes(app: Express, deps: MediaRouteDeps): void {
  const { db, storage, verifier, mediaPublicUrl, logger } = deps;

  app.post(
    '/media/products/:productId/images',
    // Who and whether, before a byte of the body is read: a refusal costs no upload.
    async (req, res, next) => {
      let viewer: Viewer | null;
      try {
        viewer = await viewerFromAuthorization(req.headers.authorization, verifier);
      } catch {
        viewer = null;
      }
      if (!viewer) return refuseUnread(req, res, 401, ProductsErrorCode.Unauthenticated, 'Sign in (Authorization: Bearer <token>) to upload images.');
      const alt = typeof req.query.alt === 'string' ? req.query.alt.trim() : '';
      if (alt.length > MAX_ALT_LENGTH || alt.includes('\u0000') || (req.query.alt !== undefined && typeof req.query.alt !== 'string')) {
        return refuseUnread(req, res, 400, ProductsErrorCode.InvalidInput, `alt must be one text of at most ${MAX_ALT_LENGTH} characters.`);
      }
      const refused = await checkUpload(db, viewer, req.params.productId!);
      if (refused) return refuseUnread(req, res, refused.status, refused.code, refused.message);
      res.locals.viewer = viewer;
      res.locals.alt = alt || null;
      next();
    },
    // Content-Length above the limit is refused before reading; a body that grows past it (chunked) is cut there.
    express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES }),
    async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const added = await addProductImage(db, storage, res.locals.viewer as Viewer, req.params.productId!, body, res.locals.alt as string | null);
      if (!added.ok) return refuse(res, added.refusal.status, added.refusal.code, added.refusal.message);
      res.status(201).json(productImageView(added.image, added.productName, mediaPublicUrl));
    },
  );

  app.get('/media/*key', async (req, res) => {
    const key = (req.params as { key: string[] }).key.join('/');
    if (!MEDIA_KEY.test(key)) return refuse(res, 404, ProductsErrorCode.NotFound, 'No such image.');
    let body = await storage.get(key);
    if (!body && key.startsWith('demo/')) body = await renderDemoOnce(key);
    if (!body) return refuse(res, 404, ProductsErrorCode.NotFound, 'No such image.');
    res.set({ 'Content-Type': 'image/webp', 'Cache-Control': IMMUTABLE, 'Content-Length': String(body.length) }).end(body);
  });

  /** A demo illustration's file, rendered on its first request and kept: only while its row exists (a removed one stays removed). */
  const rendering = new Map<string, Promise<Buffer | null>>();
  function renderDemoOnce(key: string): Promise<Buffer | null> {
    let pending = rendering.get(key);
    if (!pending) {
      pending = (async () => {
        const [row] = await db.select({ key: imageRenditions.storageKey }).from(imageRenditions).where(eq(imageRenditions.storageKey, key));
        if (!row) return null;
        const rendition = await renderDemoRendition(key);
        if (!rendition) return null;
        // Kept for the next request; a storage that cannot take it (read-only, down) costs a render per request, not the image.
        await storage.put(key, rendition.body, 'image/webp').catch((err: unknown) => logger.warn({ err, key }, 'demo illustration rendered but not stored'));
        return rendition.body;
      })().finally(() => rendering.delete(key));
      rendering.set(key, pending);
    }
    return pending;
  }

  const uploadErrors: ErrorRequestHandler = (error, req, res, next) => {
    if (!req.path.startsWith('/media/')) return next(error);
    if (error?.type === 'entity.too.large') return refuseUnread(req, res, 413, ProductsErrorCode.PayloadTooLarge, `Images are at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
    if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) return refuse(res, 400, ProductsErrorCode.InvalidInput, 'The request body could not be read.');
    logger.error({ err: error }, 'media request failed');
    refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
  };
  app.use(uploadErrors);
}

/**
 * Answers before (or instead of) reading the body, then closes the connection once the answer is out: the client may
 * still be sending up to 10 MB that nobody will read.
 */
function refuseUnread(req: Request, res: Response, status: number, code: string, message: string) {
  res.set('Connection', 'close');
  refuse(res, status, code, message);
  req.resume();
}
