import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { generateKeyPairPem } from '@shop/auth';

/**
 * Fresh secrets for docker compose as .env lines (`npm run keys >> .env`): the Ed25519 key pair that signs tokens,
 * the service secret, and the PostgreSQL and RabbitMQ passwords (URL-safe: they go into DATABASE_URL and RABBITMQ_URL).
 */
export async function generateSecrets(): Promise<Record<string, string>> {
  const { privateKeyPem, publicKeyPem } = await generateKeyPairPem();
  const secret = () => randomBytes(32).toString('base64url');
  return { JWT_PRIVATE_KEY: privateKeyPem.trim(), JWT_PUBLIC_KEY: publicKeyPem.trim(), SERVICE_SECRET: secret(), POSTGRES_PASSWORD: secret(), RABBITMQ_PASSWORD: secret() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Double-quoted with \n escapes: how a .env file holds a multi-line PEM.
  for (const [name, value] of Object.entries(await generateSecrets())) console.log(`${name}=${value.includes('\n') ? JSON.stringify(value) : value}`);
}
