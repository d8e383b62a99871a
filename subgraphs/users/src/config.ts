import { z } from 'zod';
import { readConfig, zPort } from '@shop/common';

export const usersConfig = z.object({
  PORT: zPort(4001),
  /** postgres://… for real PostgreSQL; unset means the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('.data/users'),
  JWT_PRIVATE_KEY: z.string().min(1, { message: 'the Ed25519 private key (PKCS#8 PEM) that signs tokens' }),
  JWT_PUBLIC_KEY: z.string().min(1, { message: 'the matching public key (SPKI PEM)' }),
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});
export type UsersConfig = z.infer<typeof usersConfig>;
export const readUsersConfig = (env?: Record<string, string | undefined>) => readConfig(usersConfig, env);
