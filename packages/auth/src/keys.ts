import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, type JWK, type CryptoKey } from 'jose';

/** Tokens are signed with Ed25519: only users holds the private key; everyone else verifies with the public one. */
export const JWT_ALG = 'EdDSA';

export interface KeyPairPem {
  privateKeyPem: string;
  publicKeyPem: string;
}

export async function generateKeyPairPem(): Promise<KeyPairPem> {
  const { privateKey, publicKey } = await generateKeyPair(JWT_ALG, { extractable: true });
  return { privateKeyPem: await exportPKCS8(privateKey), publicKeyPem: await exportSPKI(publicKey) };
}

/** The embedded default keeps its key pair beside its databases so tokens survive a restart. */
export async function loadOrCreateKeyPair(dir: string): Promise<KeyPairPem> {
  const privatePath = join(dir, 'jwt-private.pem');
  const publicPath = join(dir, 'jwt-public.pem');
  if (existsSync(privatePath) && existsSync(publicPath)) {
    return { privateKeyPem: readFileSync(privatePath, 'utf8'), publicKeyPem: readFileSync(publicPath, 'utf8') };
  }
  const pair = await generateKeyPairPem();
  mkdirSync(dir, { recursive: true });
  writeFileSync(privatePath, pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(publicPath, pair.publicKeyPem);
  return pair;
}

export const importPrivateKey = (pem: string): Promise<CryptoKey> => importPKCS8(pem, JWT_ALG);
export const importPublicKey = (pem: string): Promise<CryptoKey> => importSPKI(pem, JWT_ALG, { extractable: true });

/** The JWKS document served by users at /.well-known/jwks.json. */
export async function publicJwks(publicKeyPem: string, kid: string): Promise<{ keys: JWK[] }> {
  const jwk = await exportJWK(await importPublicKey(publicKeyPem));
  return { keys: [{ ...jwk, kid, alg: JWT_ALG, use: 'sig' }] };
}
