import { z } from 'zod';
import { zPort } from '@shop/common';
import { eventBusConfig } from '@shop/events';

/** Settings every service reads: where it listens, its database, how it verifies tokens, and its bus. */
export const baseConfig = (name: string, port: number) =>
  z.object({
    PORT: zPort(port),
    /** Interface to listen on: loopback unless configured (HOST=0.0.0.0 in a container, as the Dockerfile sets). */
    HOST: z.string().min(1).default('127.0.0.1'),
    /** postgres://… selects real PostgreSQL; unset means the embedded PGlite database in DATA_DIR. */
    DATABASE_URL: z.string().optional(),
    DATA_DIR: z.string().default(`.data/${name}`),
    /** A configured public key wins; otherwise the users subgraph's JWKS is fetched. */
    JWT_PUBLIC_KEY: z.string().optional(),
    JWKS_URL: z.string().url().default('http://localhost:4001/.well-known/jwks.json'),
    SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
    /**
     * The secret every service of the deployment shares to sign and verify service tokens (32+ characters). Required
     * when NODE_ENV is production; otherwise services of one process make one up and trust only each other.
     */
    SERVICE_SECRET: z.string().min(32, { message: 'at least 32 characters' }).optional(),
    NODE_ENV: z.string().default('development'),
    /** How long a stop waits for requests and the last outbox events before it gives up (ms). */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    ...eventBusConfig.shape,
  });

export type BaseConfig = z.infer<ReturnType<typeof baseConfig>>;

/** The service's whole config schema: the base settings and its own, read and validated once at start. */
export function configSchema<TShape extends z.ZodRawShape>(name: string, port: number, own: TShape) {
  return baseConfig(name, port).extend(own);
}
