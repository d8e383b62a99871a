import type { NextFunction, Request, Response } from 'express';
import { inboundKey, isSentQuery } from '../deduplication.js';
import type { PersistedDocuments } from '../persisted-operations/persisted-operations.js';

/**
 * Whole responses to anonymous queries, kept until the data may have changed. Every domain event on the bus (a
 * stock change, a product edit, an order, anything: the events say what changed, not which cached answers read it)
 * and every non-query operation through this gateway empties it, so the next query after a change sees it. A
 * response is stored only if nothing invalidated the cache while it was being computed (a generation count), so an
 * answer read before a change never outlives the event that reports it. Key: inboundKey (deduplication.ts), which
 * holds everything that shapes the answer and is null for anything with a viewer, a mutation or a hash-only query.
 */
export interface ResponseCache {
  /** Express middleware for the GraphQL route: answers hits, records cacheable misses. Put it after the limits and guards. */
  handler(req: Request, res: Response, next: NextFunction): void;
}

/** What the cache needs of @shop/events' EventBus: every event, in every process (broadcast). */
export interface EventBroadcast {
  broadcast(patterns: readonly string[], handler: () => Promise<void>): Promise<() => Promise<void>>;
}

export interface ResponseCacheOptions {
  bus: EventBroadcast;
  /** Responses kept at most (least recently used go first). */
  maxEntries?: number;
  /** Persisted operations' texts by hash: a hash-only query is cached, and leaves the cache alone, like one sent as text. */
  documents?: PersistedDocuments;
}

interface Entry {
  status: number;
  headers: [string, string | number | string[]][];
  body: Buffer;
}

export function createResponseCache({ bus, maxEntries = 1000, documents }: ResponseCacheOptions): ResponseCache {
  // A Map iterates in insertion order: a hit is moved to the end, so the first key is the least recently used.
  const entries = new Map<string, Entry>();
  let generation = 0;
  const invalidate = () => {
    generation++;
    entries.clear();
  };
  // Every process connected to the bus gets every event (broadcast): each gateway replica empties its own cache.
  // Nothing is stored until the subscription is in place: an event before it would be missed. The bus's owner
  // closes it, which ends the subscription.
  let listening = false;
  void bus.broadcast(['#'], async () => invalidate()).then(() => (listening = true));

  const handler = (req: Request, res: Response, next: NextFunction) => {
    const key = inboundKey(req, documents);
    if (key === null) {
      // A mutation (or a hash-only persisted operation not known here, which may be one): nothing stored before or
      // during it is kept. A viewer's query changes nothing and leaves the cache alone.
      if (req.method === 'POST' && !isSentQuery(req.body, documents)) {
        invalidate();
        res.once('finish', invalidate);
      }
      return next();
    }
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.statusCode = hit.status;
      res.end(hit.body);
      return;
    }
    const startedAt = generation;
    // Only what the execution sets is kept: headers set before (CORS for this request's Origin, rate limits,
    // tracing) are each request's own and are set again on a hit by the same middleware.
    const earlier = res.getHeaders();
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk != null && typeof chunk !== 'function') chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      const body = Buffer.concat(chunks);
      if (listening && res.statusCode === 200 && generation === startedAt && isCompleteAnswer(body)) {
        const headers = Object.entries(res.getHeaders()).filter(([name, value]) => value !== undefined && earlier[name] !== value) as Entry['headers'];
        entries.set(key, { status: 200, headers, body });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      }
      return end(chunk, ...rest);
    }) as Response['end'];
    next();
  };

  return { handler };
}

/** A single JSON result with data and no errors: a partial answer (a subgraph down) is not kept. */
function isCompleteAnswer(body: Buffer): boolean {
  try {
    const result = JSON.parse(body.toString('utf8')) as { data?: unknown; errors?: unknown };
    return result.data != null && result.errors === undefined;
  } catch {
    return false;
  }
}
