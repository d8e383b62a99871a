import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';

/** Secrets and card data never reach a log line, whatever object carries them. */
const REDACT = [
  'password', '*.password', '*.*.password',
  'token', '*.token',
  'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
  'card', '*.card', '*.*.card', 'cvc', '*.cvc', '*.*.cvc',
];

/** A line written inside a span names it, so a log search leads to the trace; nothing when tracing is off. */
function traceFields(): Record<string, string> {
  // A new object every time: pino merges the line into what the mixin returns.
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
}

/** destination: where lines go instead of stdout (tests read them). */
export function createLogger(name: string, destination?: DestinationStream): Logger {
  const options = { name, level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' || process.env.VITEST ? 'silent' : 'info'), redact: { paths: REDACT, censor: '[redacted]' }, mixin: traceFields };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };
