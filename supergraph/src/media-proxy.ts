import http from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '@shop/common';

/** Request headers the products service needs; nothing else (cookies, the client's hop-by-hop headers) goes through. */
const FORWARDED_REQUEST = ['authorization', 'content-type', 'content-length', 'transfer-encoding', 'content-encoding', 'if-none-match', 'if-modified-since'];
const FORWARDED_RESPONSE = ['content-type', 'content-length', 'cache-control', 'etag', 'last-modified'];

/**
 * /media/* to the products service, which stores and serves product images (GET a rendition, POST an upload). Both
 * directions are piped, so a 10 MB upload never sits in the gateway's memory. Images are meant to be embedded by the
 * storefront's origin, so they are answered with Cross-Origin-Resource-Policy: cross-origin (helmet's default,
 * same-origin, would block them).
 */
export function mediaProxy(productsGraphqlUrl: string, logger: Logger): RequestHandler {
  const upstream = new URL(productsGraphqlUrl.replace(/\/graphql\/?$/, ''));
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
      res.status(405).set('Allow', 'GET, HEAD, POST').json({ error: { code: 'METHOD_NOT_ALLOWED', message: 'Media is read with GET and uploaded with POST.' } });
      return;
    }
    const headers: http.OutgoingHttpHeaders = {};
    for (const name of FORWARDED_REQUEST) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
    const outgoing = http.request(
      { protocol: upstream.protocol, hostname: upstream.hostname, port: upstream.port, method: req.method, path: `/media${req.url}`, headers },
      (answer) => {
        res.status(answer.statusCode ?? 502);
        for (const name of FORWARDED_RESPONSE) if (answer.headers[name] !== undefined) res.setHeader(name, answer.headers[name]!);
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
        answer.pipe(res);
      },
    );
    outgoing.on('error', (err) => {
      // The products service may answer and close before the whole upload was sent (a refusal): that is not an outage.
      if (res.headersSent) return;
      logger.warn({ err }, 'media request to products failed');
      res.status(502).json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'Images are unavailable right now; try again.' } });
    });
    // A client that goes away stops the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    req.pipe(outgoing);
  };
}
