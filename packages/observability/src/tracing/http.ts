import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { withRequestSpan, withService } from './context-values.js';
import { tracingEnabled } from './state.js';

type Next = (error?: unknown) => void;

/**
 * Express middleware: a SERVER span per request, child of the caller's W3C traceparent, with next() run inside it
 * so that everything downstream (GraphQL execution, queries, outgoing calls) is its child. Mount it after body
 * parsing: the body arrives on the socket's own async context, which would drop ours for everything after it.
 */
export function traceHttpRequests(serviceName: string): (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: Next) => void {
  return (req, res, next) => {
    if (!tracingEnabled()) return next();
    // From the root, not the active context: the server may have been started inside some unrelated span.
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const method = req.method ?? 'GET';
    const path = (req.originalUrl ?? req.url ?? '/').split('?', 1)[0]!;
    const span = trace.getTracer(serviceName).startSpan(
      `${method} ${path}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': method,
          'url.path': path,
          'network.protocol.version': req.httpVersion,
          'user_agent.original': req.headers['user-agent'],
        },
      },
      parent,
    );
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      if (res.writableFinished) {
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      } else {
        span.setAttribute('error.type', 'connection_closed');
      }
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(withRequestSpan(withService(trace.setSpan(parent, span), serviceName), span), next);
  };
}
