import type { RequestHandler } from 'express';
import { SERVICE_TOKEN_HEADER, serviceFromHeader, type ServicePrincipal, type ServiceTokenVerifier } from '@shop/auth';

declare module 'express-serve-static-core' {
  interface Request {
    /** The verified calling service, on /internal routes. */
    servicePrincipal?: ServicePrincipal;
  }
}

/**
 * Guards service-to-service endpoints: a verified service token or HTTP 401 with a GraphQL-shaped UNAUTHENTICATED
 * error, before the body is read, so a refused request changes nothing.
 */
export function requireServiceToken(verifier: ServiceTokenVerifier): RequestHandler {
  return async (req, res, next) => {
    let service: ServicePrincipal | null = null;
    try {
      service = await serviceFromHeader(req.headers[SERVICE_TOKEN_HEADER], verifier);
    } catch {
      // a bad token is answered below, exactly like a missing one
    }
    if (!service) {
      res.status(401).json({ errors: [{ message: `Internal endpoints need a valid service token in the ${SERVICE_TOKEN_HEADER} header.`, extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    req.servicePrincipal = service;
    next();
  };
}
