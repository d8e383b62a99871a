import { z } from 'zod';
import { zPort } from '@shop/common';

/** Settings every subgraph reads: where it listens, its database, and how it verifies tokens. */
export const subgraphBaseConfig = (name: string, port: number) =>
  z.object({
    PORT: zPort(port),
    /** postgres://… selects real PostgreSQL; unset means the embedded PGlite database in DATA_DIR. */
    DATABASE_URL: z.string().optional(),
    DATA_DIR: z.string().default(`.data/${name}`),
    /** A configured public key wins; otherwise the users subgraph's JWKS is fetched. */
    JWT_PUBLIC_KEY: z.string().optional(),
    JWKS_URL: z.string().url().default('http://localhost:4001/.well-known/jwks.json'),
    SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  });

export type TokenVerification = { publicKeyPem: string } | { jwksUrl: string };

export const tokenVerificationFrom = (config: { JWT_PUBLIC_KEY?: string; JWKS_URL: string }): TokenVerification =>
  config.JWT_PUBLIC_KEY ? { publicKeyPem: config.JWT_PUBLIC_KEY } : { jwksUrl: config.JWKS_URL };

/** Graceful stop on Ctrl-C or a container's SIGTERM. */
export function stopOnSignals(stop: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().finally(() => process.exit(0)));
}
