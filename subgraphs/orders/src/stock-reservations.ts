import { reservationPaths, reserveBatchAnswer, type ReserveAnswer, type ShortLine } from '@shop/inventory/contract';
import type { ServiceCredentials } from '@shop/auth';
import { withClientSpan } from '@shop/observability';
import { coalescingLoader, postJson, SubgraphUnavailableError } from '@shop/server';

export interface ReservationLine {
  productId: string;
  quantity: number;
}

export type ReserveOutcome =
  | { status: 'RESERVED' }
  | { status: 'OUT_OF_STOCK'; shortLines: ShortLine[] }
  /** A reservation with this id existed and has ended (e.g. RELEASED after a failed attempt): nothing is held for it. */
  | { status: 'ENDED'; reservationStatus: string };

/**
 * Holds stock for an order, all lines or none. The reservation id is the order id, so calling reserve again with
 * the same id holds nothing more. Both methods throw SubgraphUnavailableError when inventory does not answer.
 */
export interface StockReservations {
  reserve(reservationId: string, lines: readonly ReservationLine[], expiresAt: Date): Promise<ReserveOutcome>;
  /** Idempotent; releasing an unknown or already released reservation is fine. */
  release(reservationId: string): Promise<void>;
}

export interface RemoteStockReservationsOptions {
  /** The inventory subgraph's own URL (its /graphql URL or its base URL: the internal endpoints sit at its root). */
  url: string;
  /** Default 10 s: reservations of one hot product queue on its row locks, and a timeout costs the shopper the order. */
  timeoutMs?: number;
  /** Orders' service tokens: inventory's internal endpoints answer verified services only. */
  credentials: ServiceCredentials;
}

interface ReserveCall {
  reservationId: string;
  lines: { productId: string; quantity: number }[];
  expiresAt: string;
}

/** Reservations per batch call (100 orders of up to 50 lines stay inside inventory's 10,000-line batch limit). */
const RESERVE_BATCH = { maxBatchSize: 100 };

/**
 * Calls inventory's internal endpoints directly (docs/architecture.md, "Service-to-service calls"). Concurrent
 * reserves leave together as one batch call (one inventory transaction), see coalescingLoader.
 */
export class RemoteStockReservations implements StockReservations {
  private readonly reserves = coalescingLoader<ReserveCall, ReserveOutcome>((calls) => this.reserveBatch(calls), RESERVE_BATCH);

  constructor(private readonly options: RemoteStockReservationsOptions) {}

  reserve(reservationId: string, lines: readonly ReservationLine[], expiresAt: Date): Promise<ReserveOutcome> {
    return this.reserves.load({ reservationId, lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })), expiresAt: expiresAt.toISOString() });
  }

  private async reserveBatch(calls: readonly ReserveCall[]): Promise<(ReserveOutcome | Error)[]> {
    // Sent again on a dropped connection or a 502-504: a replayed reservation id holds nothing more.
    const { status, body } = await this.post('reserve batch', reservationPaths.reserveBatch, null, { reservations: calls }, true);
    // 400 means orders sent something inventory's contract refuses: a bug, not an outage.
    if (status === 400) throw new Error(`inventory refused the reservation batch: ${JSON.stringify(body)}`);
    const answer = reserveBatchAnswer.safeParse(body);
    if (status !== 200 || !answer.success || answer.data.results.length !== calls.length) throw new SubgraphUnavailableError('inventory', `reserve answered ${status}`);
    return answer.data.results.map(outcomeOf);
  }

  async release(reservationId: string): Promise<void> {
    // Never sent again by itself: a late copy could land after the same id was reserved anew by a retried placement.
    const { status } = await this.post('release', reservationPaths.release(reservationId), reservationId, {}, false);
    if (status !== 200) throw new SubgraphUnavailableError('inventory', `release answered ${status}`);
  }

  /** operation names the span (the path holds ids). */
  private async post(operation: string, path: string, idempotencyKey: string | null, payload: unknown, idempotent: boolean): Promise<{ status: number; body: unknown }> {
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}), ...(await this.options.credentials.headers()) };
      return await withClientSpan(`inventory ${operation}`, headers, () =>
        postJson(new URL(path, this.options.url), { headers, body: JSON.stringify(payload), timeoutMs: this.options.timeoutMs ?? 10_000, idempotent }),
      );
    } catch (error) {
      throw new SubgraphUnavailableError('inventory', error);
    }
  }
}

function outcomeOf(answer: ReserveAnswer): ReserveOutcome | Error {
  if ('error' in answer) return new Error(`inventory refused the reservation request: ${JSON.stringify(answer)}`);
  // A replayed id answers its stored status: only RESERVED means the stock is held.
  if (answer.status === 'RESERVED') return { status: 'RESERVED' };
  if (answer.status === 'OUT_OF_STOCK') return { status: 'OUT_OF_STOCK', shortLines: answer.shortLines };
  return { status: 'ENDED', reservationStatus: answer.status };
}
