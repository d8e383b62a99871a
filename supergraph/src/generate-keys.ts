import { randomBytes } from 'node:crypto';
import { generateKeyPairPem } from '@shop/auth';

/** Prints a fresh Ed25519 key pair and a service secret as .env lines for docker compose: `npm run keys > .env`. */
const { privateKeyPem, publicKeyPem } = await generateKeyPairPem();
const quote = (pem: string) => JSON.stringify(pem.trim());
console.log(`JWT_PRIVATE_KEY=${quote(privateKeyPem)}\nJWT_PUBLIC_KEY=${quote(publicKeyPem)}\nSERVICE_SECRET=${randomBytes(32).toString('base64url')}`);
