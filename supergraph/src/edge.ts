import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { z } from 'zod';

/**
 * The gateway's browser edge: which origins may call it with credentials (CORS) and the security headers of every
 * answer. Only the gateway faces browsers; subgraphs send no CORS headers at all (only servers call them).
 */

/** The storefront's port in the embedded start and in Vite's dev server (web/vite.config.ts). */
export const DEFAULT_STOREFRONT_PORT = 5173;

/** A service on this machine as a browser names it: by 127.0.0.1 and by localhost. */
export const loopbackOrigins = (port: number): string[] => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

/** CORS_ORIGINS unset: the storefront on this machine, and the gateway's own origin (the Sandbox it serves). */
export function defaultCorsOrigins(gatewayPort: number, storefrontPort = DEFAULT_STOREFRONT_PORT): string[] {
  return [...loopbackOrigins(storefrontPort), ...(gatewayPort > 0 ? loopbackOrigins(gatewayPort) : [])];
}

/** "https://shop.example, https://admin.example" -> exact origins; a wildcard, a path or a non-http URL is a configuration error. */
const zOrigins = z.string().transform((value, ctx) => {
  const origins: string[] = [];
  for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    let origin: string | undefined;
    try {
      const url = new URL(item);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && `${url.origin}` === item.replace(/\/$/, '')) origin = url.origin;
    } catch {
      // reported below
    }
    if (origin) origins.push(origin);
    else ctx.addIssue({ code: 'custom', message: `"${item}" is not an origin such as https://shop.example (no wildcard, no path)` });
  }
  return origins;
});

/** The edge settings the gateway (main.ts) and `npm start` read from the environment. */
export const edgeEnv = z.object({
  /** Comma-separated origins allowed to call with credentials; unset, the storefront's own (defaultCorsOrigins). */
  CORS_ORIGINS: zOrigins.optional(),
  /** Strict-Transport-Security max-age in seconds, sent only when set above 0: only when served behind TLS. */
  HSTS_MAX_AGE: z.coerce.number().int().min(0).default(0),
});

const APOLLO_LANDING_PAGE_CDN = 'https://apollo-server-landing-page.cdn.apollographql.com';
const APOLLO_SCRIPTS = [APOLLO_LANDING_PAGE_CDN, 'https://embeddable-sandbox.cdn.apollographql.com', 'https://embeddable-explorer.cdn.apollographql.com'];
const APOLLO_FRAMES = ['https://sandbox.embed.apollographql.com', 'https://explorer.embed.apollographql.com'];

/**
 * helmet for the gateway. The CSP admits what Apollo Server's landing page loads (its CDN scripts and styles, Google
 * Fonts, the Sandbox/Explorer iframes); the page's inline scripts carry a per-request nonce that only its own meta
 * CSP names, so this header allows inline script and the browser enforces both policies. Nobody may frame the
 * gateway. HSTS only when configured (behind TLS): on plain http it would pin a laptop's localhost to https.
 */
export function gatewaySecurityHeaders(options: { hstsMaxAgeSeconds?: number } = {}): RequestHandler {
  const hsts = options.hstsMaxAgeSeconds ?? 0;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'", ...APOLLO_SCRIPTS],
        styleSrc: ["'self'", "'unsafe-inline'", ...APOLLO_SCRIPTS, 'https://fonts.googleapis.com'],
        fontSrc: ["'self'", 'https://fonts.gstatic.com', 'data:'],
        imgSrc: ["'self'", 'data:', APOLLO_LANDING_PAGE_CDN],
        manifestSrc: ["'self'", APOLLO_LANDING_PAGE_CDN],
        frameSrc: APOLLO_FRAMES,
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(hsts > 0 ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: hsts > 0 ? { maxAge: hsts, includeSubDomains: true } : false,
  });
}
