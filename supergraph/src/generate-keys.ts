import { generateKeyPairPem } from '@shop/auth';

/** Prints a fresh Ed25519 key pair as .env lines for docker compose: `npm run keys > .env`. */
const { privateKeyPem, publicKeyPem } = await generateKeyPairPem();
const quote = (pem: string) => JSON.stringify(pem.trim());
console.log(`JWT_PRIVATE_KEY=${quote(privateKeyPem)}\nJWT_PUBLIC_KEY=${quote(publicKeyPem)}`);
