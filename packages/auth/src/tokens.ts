import { createHash } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTVerifyGetKey, type CryptoKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { unauthenticated } from '@shop/common';
import { importPrivateKey, importPublicKey, JWT_ALG } from './keys.js';

export const JWT_ISSUER = 'artesanias-users';
export const JWT_AUDIENCE = 'artesanias-graph';

export type Role = 'CUSTOMER' | 'SELLER' | 'ADMIN';
export const ROLES: readonly Role[] = ['CUSTOMER', 'SELLER', 'ADMIN'];

/** Who is asking, as proven by a verified token. */
export interface Viewer {
  id: string;
  roles: Role[];
}

export const keyId = (publicKeyPem: string): string => createHash('sha256').update(publicKeyPem).digest('base64url').slice(0, 16);

export interface TokenIssuer {
  issue(viewer: Viewer): Promise<string>;
}

export async function createTokenIssuer(privateKeyPem: string, publicKeyPem: string, ttlSeconds = 60 * 60 * 24): Promise<TokenIssuer> {
  const key = await importPrivateKey(privateKeyPem);
  const kid = keyId(publicKeyPem);
  return {
    issue: (viewer) =>
      new SignJWT({ roles: viewer.roles })
        .setProtectedHeader({ alg: JWT_ALG, kid, typ: 'JWT' })
        .setSubject(viewer.id)
        .setIssuer(JWT_ISSUER)
        .setAudience(JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key),
  };
}

export interface TokenVerifier {
  /** The viewer for a token; throws UNAUTHENTICATED for a forged, expired or malformed one. */
  verify(token: string): Promise<Viewer & { expiresAt: number }>;
}

/**
 * Verifies with a configured public key, or with the users subgraph's JWKS (fetched once, cached, refreshed on an
 * unknown kid). A token verified once is remembered until it expires: every request carries the same token through
 * the gateway and each subgraph it reaches, and a signature check costs more than the rest of a small request.
 */
export async function createTokenVerifier(source: { publicKeyPem: string } | { jwksUrl: string }): Promise<TokenVerifier> {
  const key: CryptoKey | JWTVerifyGetKey =
    'publicKeyPem' in source ? await importPublicKey(source.publicKeyPem) : createRemoteJWKSet(new URL(source.jwksUrl), { timeoutDuration: 3000 });
  // Only good tokens are kept (a flood of forged ones cannot evict them); the bound keeps memory flat.
  const verified = new LRUCache<string, Viewer & { expiresAt: number }>({ max: 10_000 });
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known && known.expiresAt > Date.now()) return known;
      if (known) verified.delete(token);
      try {
        const { payload } = await jwtVerify(token, key as CryptoKey, { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, algorithms: [JWT_ALG] });
        const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
        if (!payload.sub || !payload.exp) throw new errors.JWTInvalid('missing subject or expiry');
        const viewer = Object.freeze({ id: payload.sub, roles: Object.freeze(roles) as Role[], expiresAt: payload.exp * 1000 });
        verified.set(token, viewer);
        return viewer;
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired; sign in again.', { httpStatus: 401 });
        if (error instanceof errors.JOSEError || error instanceof TypeError) throw unauthenticated('The token is not valid.', { httpStatus: 401 });
        throw error;
      }
    },
  };
}

/** Reads "Bearer <token>" from a header value; null when absent, UNAUTHENTICATED when present but bad. */
export async function viewerFromAuthorization(header: string | undefined | null, verifier: TokenVerifier): Promise<Viewer | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".', { httpStatus: 401 });
  const { id, roles } = await verifier.verify(match[1]!);
  return { id, roles };
}
