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

/**
 * Graceful stop on Ctrl-C or a container's SIGTERM: stop runs once, then the process exits 0 (1 if stopping failed).
 * Signals that arrive meanwhile are ignored, not left unhandled: a Ctrl-C reaches every process of the terminal's group,
 * and npm and tsx relay it once more, so a listener removed after the first would let the second kill the process
 * before its embedded databases are closed (PostgreSQL then recovers on the next start, and sequences jump ahead).
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);
}
