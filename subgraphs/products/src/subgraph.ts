import { join } from 'node:path';
import { z } from 'zod';
import { createTokenVerifier, type TokenVerifier } from '@shop/auth';
import { defineSubgraph } from '@shop/kernel';
import { tokenVerificationFrom } from '@shop/server';
import { schema, type ProductRow } from './db/schema.js';
import { seedDemoCatalog } from './domain/seed.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { mediaRoutes } from './media/routes.js';
import { DiskMediaStorage, S3MediaStorage, type MediaStorage } from './media/storage.js';

interface ProductsServices {
  storage: MediaStorage;
  verifier: TokenVerifier;
  mediaPublicUrl: string;
}

/** The catalog: products, categories, search, product images; sellers edit their own products; every change is a product.changed. */
export const products = defineSubgraph({
  name: 'products',
  port: 4002,
  config: {
    /** Where browsers fetch images: the gateway's /media, which passes them through to this service. */
    MEDIA_PUBLIC_URL: z.string().url().default('http://localhost:4000/media'),
    /** Set: image files go to this S3 bucket (S3_ENDPOINT for an S3-compatible server); unset: under DATA_DIR/media. */
    S3_BUCKET: z.string().min(1).optional(),
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** Both or neither; neither: the SDK's own credential chain. */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Path-style URLs (endpoint/bucket/key); on by default when S3_ENDPOINT is set, as most S3-compatible servers need. */
    S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  },
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: seedDemoCatalog },
  services: async ({ config, logger }): Promise<ProductsServices> => {
    const storage: MediaStorage = config.S3_BUCKET
      ? new S3MediaStorage({
          bucket: config.S3_BUCKET,
          endpoint: config.S3_ENDPOINT,
          region: config.S3_REGION,
          credentials: config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined,
          forcePathStyle: config.S3_FORCE_PATH_STYLE ? config.S3_FORCE_PATH_STYLE === 'true' : !!config.S3_ENDPOINT,
        })
      : new DiskMediaStorage(join(config.DATA_DIR, 'media'));
    logger.info({ media: config.S3_BUCKET ? `s3://${config.S3_BUCKET}` : join(config.DATA_DIR, 'media') }, 'product images are stored in');
    // The upload route verifies tokens as the kernel's GraphQL does: the same verifier, from the same settings.
    return { storage, verifier: await createTokenVerifier(tokenVerificationFrom(config)), mediaPublicUrl: config.MEDIA_PUBLIC_URL };
  },
  context: (services, viewer, { db }) => createContext(db, viewer, services),
  // Product.costPrice is @ownerOrAdmin: a product is its seller's.
  access: { owners: { Product: (product: ProductRow) => product.sellerId } },
  routes: (app, services, { db, logger }) => mediaRoutes(app, { db, logger, ...services }),
});
