import { SubgraphUnavailableError } from '@shop/server';

export interface ReservationLine {
  productId: string;
  quantity: number;
}

/** A line inventory could not hold: index is its position in the lines sent. */
export interface ShortLine {
  index: number;
  productId: string;
  requested: number;
  available: number;
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
}

/** Calls inventory's internal endpoints directly (docs/architecture.md, "Service-to-service calls"). */
export class RemoteStockReservations implements StockReservations {
  constructor(private readonly options: RemoteStockReservationsOptions) {}

  async reserve(reservationId: string, lines: readonly ReservationLine[], expiresAt: Date): Promise<ReserveOutcome> {
    const { status, body } = await this.post('/internal/reservations', reservationId, {
      reservationId,
      lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      expiresAt: expiresAt.toISOString(),
    });
    const answer = body as { status?: string; shortLines?: ShortLine[] } | null;
    // A replayed id answers 200 with its stored status: only RESERVED means the stock is held.
    if (status === 200 && answer?.status === 'RESERVED') return { status: 'RESERVED' };
    if (status === 200 && typeof answer?.status === 'string') return { status: 'ENDED', reservationStatus: answer.status };
    if (status === 409 && Array.isArray(answer?.shortLines)) return { status: 'OUT_OF_STOCK', shortLines: answer.shortLines };
    // 400 means orders sent something inventory's contract refuses: a bug, not an outage.
    if (status === 400) throw new Error(`inventory refused the reservation request: ${JSON.stringify(body)}`);
    throw new SubgraphUnavailableError('inventory', `reserve answered ${status}`);
  }

  async release(reservationId: string): Promise<void> {
    const { status } = await this.post(`/internal/reservations/${encodeURIComponent(reservationId)}/release`, reservationId, {});
    if (status !== 200) throw new SubgraphUnavailableError('inventory', `release answered ${status}`);
  }

  private async post(path: string, idempotencyKey: string, payload: unknown): Promise<{ status: number; body: unknown }> {
    try {
      const response = await fetch(new URL(path, this.options.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    } catch (error) {
      throw new SubgraphUnavailableError('inventory', error);
    }
  }
}
