import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * A test-only stand-in for inventory's internal reservation endpoints (docs/architecture.md), over an in-memory
 * counter of available units per product, with the same contract: all lines or none, idempotent per reservation id
 * (a replay answers the stored status), 409 OUT_OF_STOCK with the short lines, release idempotent (an unknown id
 * becomes a released tombstone).
 */
export interface FakeInventory {
  url: string;
  available: Map<string, number>;
  /** Every reservation that exists, by id; released ones stay with released = true. */
  reservations: Map<string, { lines: { productId: string; quantity: number }[]; expiresAt: string | null; released: boolean }>;
  /** How many reserve calls arrived, and how many of them actually held stock. */
  calls: { reserve: number; reserved: number; release: string[] };
  /** Every request as "METHOD path", whatever the mode: proves what orders tried. */
  requests: string[];
  /** 'down' answers 503, 'hang' never answers, 'hang-reserve' never answers reserve calls but releases. */
  mode: 'up' | 'down' | 'hang' | 'hang-reserve';
  stop(): Promise<void>;
}

const readJson = async (req: IncomingMessage): Promise<any> => {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
};

export async function startFakeInventory(initial: Iterable<[string, number]> = []): Promise<FakeInventory> {
  const fake: Omit<FakeInventory, 'url' | 'stop'> = { available: new Map(initial), reservations: new Map(), calls: { reserve: 0, reserved: 0, release: [] }, requests: [], mode: 'up' };
  /** One reservation request, alone or in a batch: the answer inventory gives for it. */
  const reserve = (request: { reservationId: string; lines: { productId: string; quantity: number }[]; expiresAt: string }) => {
    fake.calls.reserve += 1;
    const stored = fake.reservations.get(request.reservationId);
    if (stored) return { status: stored.released ? 'RELEASED' : 'RESERVED' };
    const shortLines = request.lines
      .map((l, index) => ({ index, productId: l.productId, requested: l.quantity, available: fake.available.get(l.productId) ?? 0 }))
      .filter((l) => l.available < l.requested);
    if (shortLines.length) return { status: 'OUT_OF_STOCK', shortLines };
    for (const l of request.lines) fake.available.set(l.productId, fake.available.get(l.productId)! - l.quantity);
    fake.reservations.set(request.reservationId, { lines: request.lines, expiresAt: request.expiresAt, released: false });
    fake.calls.reserved += 1;
    return { status: 'RESERVED' };
  };
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    fake.requests.push(`${req.method} ${req.url}`);
    if (fake.mode === 'hang' || (fake.mode === 'hang-reserve' && req.url?.startsWith('/internal/reservations') && !req.url.endsWith('/release'))) return;
    if (fake.mode === 'down') return send(503, { error: 'down' });
    const body = await readJson(req);
    const release = /^\/internal\/reservations\/([^/]+)\/release$/.exec(req.url ?? '');
    if (req.method === 'POST' && req.url === '/internal/reservations') {
      // Let concurrent calls interleave, as they would against a real service.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const answer = reserve(body);
      return send(answer.status === 'OUT_OF_STOCK' ? 409 : 200, answer);
    }
    if (req.method === 'POST' && req.url === '/internal/reservations/batch') {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return send(200, { results: body.reservations.map(reserve) });
    }
    if (req.method === 'POST' && release) {
      const id = decodeURIComponent(release[1]!);
      fake.calls.release.push(id);
      const reservation = fake.reservations.get(id);
      // Like inventory: releasing an unknown id leaves a released tombstone, so a late reserve for it holds nothing.
      if (!reservation) fake.reservations.set(id, { lines: [], expiresAt: null, released: true });
      else if (!reservation.released) {
        for (const l of reservation.lines) fake.available.set(l.productId, (fake.available.get(l.productId) ?? 0) + l.quantity);
        reservation.released = true;
      }
      return send(200, { status: 'RELEASED' });
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  return Object.assign(fake, {
    url,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  }) as FakeInventory;
}
