import { pino, type Logger } from 'pino';

/** Secrets and card data never reach a log line, whatever object carries them. */
const REDACT = [
  'password', '*.password', '*.*.password',
  'token', '*.token',
  'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
  'card', '*.card', '*.*.card', 'cvc', '*.cvc', '*.*.cvc',
];

export function createLogger(name: string): Logger {
  return pino({ name, level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' || process.env.VITEST ? 'silent' : 'info'), redact: { paths: REDACT, censor: '[redacted]' } });
}
export type { Logger };
