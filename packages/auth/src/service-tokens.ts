import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { unauthenticated } from '@shop/common';

/**
 * Service-to-service credentials: a short-lived HS256 token over a secret every service of one deployment shares
 * (SERVICE_SECRET), sent in its own header so it never mixes with the viewer's Authorization. The issuer is the calling
 * service; the audience is fixed, so one cached token serves every call a service makes.
 */
export const SERVICE_TOKEN_HEADER = 'x-service-token';
export const SERVICE_AUDIENCE = 'artesanias-services';
const SERVICE_ALG = 'HS256';
/** At least 32 characters: an HS256 key shorter than its hash is guessable offline from one captured token. */
export const MIN_SERVICE_SECRET_LENGTH = 32;

/** A service proven by a verified service token. */
export interface ServicePrincipal {
  service: string;
}

export interface ServiceCredentials {
  /** The header to send, with a token reused until shortly before it expires. */
  headers(): Promise<Record<string, string>>;
}

export interface ServiceTokenVerifier {
  /** The calling service; throws UNAUTHENTICATED (HTTP 401) for a forged, expired or malformed token. */
  verify(token: string): Promise<ServicePrincipal>;
}

const keyOf = (secret: string): Uint8Array => {
  if (secret.length < MIN_SERVICE_SECRET_LENGTH) throw new Error(`SERVICE_SECRET must be at least ${MIN_SERVICE_SECRET_LENGTH} characters.`);
  return new TextEncoder().encode(secret);
};

export function createServiceCredentials(service: string, secret: string, ttlSeconds = 60): ServiceCredentials {
  const key = keyOf(secret);
  let cached: { token: string; renewAt: number } | undefined;
  let signing: Promise<string> | undefined;
  const sign = async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: SERVICE_ALG, typ: 'JWT' })
      .setIssuer(service)
      .setSubject(service)
      .setAudience(SERVICE_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key);
    // Renewed at two thirds of its life: a token in flight never expires on the way.
    cached = { token, renewAt: Date.now() + (ttlSeconds * 1000 * 2) / 3 };
    return token;
  };
  return {
    async headers() {
      if (cached && cached.renewAt > Date.now()) return { [SERVICE_TOKEN_HEADER]: cached.token };
      signing ??= sign().finally(() => (signing = undefined));
      return { [SERVICE_TOKEN_HEADER]: await signing };
    },
  };
}

export function createServiceTokenVerifier(secret: string): ServiceTokenVerifier {
  const key = keyOf(secret);
  // Each caller reuses its token for most of a minute: one check per token, not per call (only good ones are kept).
  const verified = new LRUCache<string, { principal: ServicePrincipal; expiresAt: number }>({ max: 1000 });
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known && known.expiresAt > Date.now()) return known.principal;
      try {
        const { payload } = await jwtVerify(token, key, { audience: SERVICE_AUDIENCE, algorithms: [SERVICE_ALG], requiredClaims: ['iss', 'exp'] });
        const principal = Object.freeze({ service: payload.iss! });
        verified.set(token, { principal, expiresAt: payload.exp! * 1000 });
        return principal;
      } catch (error) {
        if (error instanceof errors.JOSEError || error instanceof TypeError) throw unauthenticated('The service token is not valid.', { httpStatus: 401 });
        throw error;
      }
    },
  };
}

/** The service principal for a request's service-token header: null when absent, UNAUTHENTICATED when present but bad. */
export async function serviceFromHeader(header: string | string[] | undefined, verifier: ServiceTokenVerifier): Promise<ServicePrincipal | null> {
  if (header === undefined || header === '') return null;
  if (typeof header !== 'string') throw unauthenticated('Send one service token.', { httpStatus: 401 });
  return verifier.verify(header.trim());
}

let processSecret: string | undefined;
/**
 * The secret of services started in this process when none is configured (development and tests): made up once,
 * known to nobody outside the process, so their internal endpoints trust each other and no one else. Child processes
 * a test starts are handed it explicitly (SERVICE_SECRET).
 */
export const processServiceSecret = (): string => (processSecret ??= randomBytes(32).toString('base64url'));

/** The configured secret, or in development this process's own; production without one is a start-up error. */
export function serviceSecretFrom(config: { SERVICE_SECRET?: string; NODE_ENV?: string }): string {
  if (config.SERVICE_SECRET) return config.SERVICE_SECRET;
  if (config.NODE_ENV === 'production') {
    throw new Error('SERVICE_SECRET is not set: in production every service needs the same secret (32+ characters) to call and verify the others (npm run keys prints one).');
  }
  return processServiceSecret();
}
