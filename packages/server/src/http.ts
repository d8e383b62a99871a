import http from 'node:http';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';

export const BODY_LIMIT = '1mb';
/** The same limit for one WebSocket message. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** JSON body parsing that turns malformed or oversize bodies into GraphQL-shaped 4xx errors, never a 500 or a stack trace. */
export function graphqlBodyParsing(limit: string | number = BODY_LIMIT): RequestHandler[] {
  return [
    express.json({ limit }),
    // Apollo Server needs a body object even when the content type was not JSON; it then answers 400 itself.
    (req, _res, next) => {
      req.body ??= {};
      next();
    },
  ];
}

export const jsonErrorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  const message = status === 413 ? 'The request body is too large.' : status < 500 ? 'The request body is not valid JSON.' : 'Internal server error.';
  const code = status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

export interface HttpApp {
  app: Express;
  server: http.Server;
}

export interface HttpAppOptions {
  /**
   * Browser origins (scheme://host:port) that may call with credentials. Any other origin gets no CORS headers at
   * all, preflight included. Empty or absent: no CORS at all, as for subgraphs, which only servers call.
   */
  corsOrigins?: readonly string[];
  /** Security headers for every answer (the gateway's helmet); before any route. */
  securityHeaders?: RequestHandler;
}

/** The express app every service starts from: security headers, CORS for listed origins only, /health, no x-powered-by. */
export function createHttpApp(options: HttpAppOptions = {}): HttpApp {
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: express would hash every body (SHA-1) on every hop of every request, for a validator no
  // GraphQL client sends back; caching is what Cache-Control says.
  app.set('etag', false);
  if (options.securityHeaders) app.use(options.securityHeaders);
  const origins = new Set(options.corsOrigins ?? []);
  if (origins.size > 0) {
    // Browsers may reuse a preflight for 10 minutes, so the storefront's POSTs do not each wait for an OPTIONS round trip.
    app.use(cors({ origin: (origin, done) => done(null, origin !== undefined && origins.has(origin)), credentials: true, maxAge: 600 }));
  }
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const server = http.createServer(app);
  return { app, server };
}

/** /ready: 200 only when the service's own check (its database answers) passes, 503 otherwise, never an error page. */
export const readinessHandler =
  (ready?: () => Promise<boolean>): RequestHandler =>
  async (_req, res) => {
    const ok = await (ready?.() ?? Promise.resolve(true)).catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready' });
  };

/** Loopback unless configured: a laptop's services are not the network's (HOST=0.0.0.0 in containers). */
export const DEFAULT_HOST = '127.0.0.1';

export function listen(server: http.Server, port: number, host = DEFAULT_HOST): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}
