import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLogger, type UserError, zId } from '@shop/common';
import type { Database } from '@shop/db';
import type { Express } from 'express';
import type { InventorySchema } from '../db/schema.js';
import { release } from '../domain/reservation-lifecycle.js';
import { MAX_BATCH_LINES, MAX_BATCH_RESERVATIONS, reservationPaths, type ReserveRequest } from '../contract.js';
import { reserve, reserveAll, type ReserveOutcome } from '../domain/reserve.js';

const logger = createLogger('inventory-internal');
const BODY_LIMIT_BYTES = 64 * 1024;
const BATCH_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

class BadBody extends Error {}

/** Reads a JSON body ourselves: these routes sit outside /graphql's body parsing, and bad JSON must answer our own 400. */
async function readJson(req: IncomingMessage, limitBytes = BODY_LIMIT_BYTES): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new BadBody('Send the body as application/json.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new BadBody('The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadBody('The request body is not valid JSON.');
  }
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
};
const invalidInput = (message: string, details: UserError[] = []) => ({
  error: { code: 'INVALID_INPUT', message, details: details.map((d) => ({ field: d.field, message: d.message })) },
});
const invalid = (res: ServerResponse, message: string, details: UserError[] = []) => send(res, 400, invalidInput(message, details));

/** The JSON body, or undefined once a 400 was answered for a body that is not JSON or too large. */
async function bodyOf(req: IncomingMessage, res: ServerResponse, limitBytes = BODY_LIMIT_BYTES): Promise<unknown> {
  try {
    return await readJson(req, limitBytes);
  } catch (err) {
    if (!(err instanceof BadBody)) throw err;
    invalid(res, err.message);
    return undefined;
  }
}

/** A bug or an unreachable database: logged here, a bare 500 there (no stack). The caller retries with the same id. */
const failed = (res: ServerResponse, err: unknown) => {
  logger.error({ err }, 'internal reservation request failed');
  if (!res.headersSent) send(res, 500, { error: { code: 'INTERNAL', message: 'Internal server error.' } });
};

/** One reservation's answer, as the single endpoint gives it (status code aside). */
function answerOf(outcome: ReserveOutcome) {
  return outcome.status === 'OUT_OF_STOCK' ? { status: outcome.status, shortLines: outcome.shortLines } : { status: outcome.status };
}

/**
 * The service-to-service reservation API of docs/architecture.md, for the orders subgraph only: served on the
 * subgraph's own port, never routed by the gateway (which forwards /graphql only).
 */
export function reservationRoutes(app: Express, db: Database<InventorySchema>): void {
  app.post(reservationPaths.reserve, async (req, res) => {
    try {
      const body = await bodyOf(req, res);
      if (body === undefined) return;
      // reserve validates its input itself (zod), so the unchecked body goes straight in.
      const result = await db.transaction((tx) => reserve(tx, body as ReserveRequest));
      if (!result.ok) return invalid(res, 'The reservation request is not valid.', result.errors);
      const outcome = result.value;
      if (outcome.status === 'OUT_OF_STOCK') return send(res, 409, answerOf(outcome));
      return send(res, 200, answerOf(outcome));
    } catch (err) {
      failed(res, err);
    }
  });

  // Many reservations in one transaction (reserveAll): { reservations: [request, ...] } answers 200 with one result
  // per request, in order: the single endpoint's body, or { error } for a request that is not valid.
  app.post(reservationPaths.reserveBatch, async (req, res) => {
    try {
      const body = await bodyOf(req, res, BATCH_BODY_LIMIT_BYTES);
      if (body === undefined) return;
      const requests = (body as { reservations?: unknown } | null)?.reservations;
      if (!Array.isArray(requests) || requests.length === 0 || requests.length > MAX_BATCH_RESERVATIONS) {
        return invalid(res, `Send { reservations: [...] } with 1 to ${MAX_BATCH_RESERVATIONS} reservation requests.`);
      }
      const lines = requests.reduce((sum: number, r) => sum + (Array.isArray((r as { lines?: unknown })?.lines) ? (r as { lines: unknown[] }).lines.length : 0), 0);
      if (lines > MAX_BATCH_LINES) return invalid(res, `A batch holds at most ${MAX_BATCH_LINES} lines in all.`);
      const results = await db.transaction((tx) => reserveAll(tx, requests as ReserveRequest[]));
      return send(res, 200, { results: results.map((r) => (r.ok ? answerOf(r.value) : invalidInput('The reservation request is not valid.', r.errors))) });
    } catch (err) {
      failed(res, err);
    }
  });

  app.post('/internal/reservations/:id/release', async (req, res) => {
    try {
      const id = zId.safeParse(req.params.id);
      if (!id.success) return invalid(res, 'The reservation id must be a UUID.', [{ code: 'INVALID_INPUT', message: 'Must be a valid ID.', field: ['id'] }]);
      const outcome = await db.transaction((tx) => release(tx, id.data));
      return send(res, 200, { status: outcome.status });
    } catch (err) {
      failed(res, err);
    }
  });
}
