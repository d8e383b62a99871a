/**
 * Bench child: a share of the subscribers, each on its own graphql-ws (graphql-transport-ws) socket. The clients live
 * apart from the coordinator so that their receive work is spread over processes and does not queue behind the
 * coordinator's bookkeeping: the latency measured is the gateway's, not one overloaded client process's.
 *
 * Only the protocol steps a subscriber needs (connection_init, subscribe, next, pong) are spoken, over the lean
 * WireWebSocket (the receive side of 10,000 `ws` clients cost more CPU than the gateway's sends); every `next` is
 * still parsed and checked (its subscription id, the product, data without errors) before its receipt counts.
 */
import { WireWebSocket as WebSocket } from './wire-websocket.js';

export interface OpenClients {
  type: 'open';
  url: string;
  query: string;
  variables: Record<string, unknown>;
  productId: string;
}
export type ToClients = OpenClients | { type: 'add'; count: number } | { type: 'replace'; count: number } | { type: 'close-all' } | { type: 'flush' };
/** Receipt times (wall clock, ms) by event sequence number since the last flush. */
/** wrong: a `next` for another subscription or product, or repeated; errors: protocol, socket or GraphQL errors, closes by the gateway. */
export type FromClients = { type: 'receipts'; receipts: Record<number, number[]>; wrong: number; errors: number; closedByGateway: Record<number, number> } | { type: 'flushed' };

const now = () => performance.timeOrigin + performance.now();
const FLUSH_MS = 25;

let config: OpenClients | null = null;
let nextId = 0;
/** Open sockets and the subscription id each one uses. */
const sockets = new Map<WebSocket, string>();
/** Sockets this process closed: an error from one still connecting is the bench's doing, not the gateway's. */
const left = new WeakSet<WebSocket>();
let receipts: Record<number, number[]> = {};
let wrong = 0;
let errors = 0;
let closedByGateway: Record<number, number> = {};

interface NextMessage {
  id?: string;
  type?: string;
  payload?: { data?: { stockChanged?: { id?: string; available?: number } }; errors?: unknown[] };
}

function open(): void {
  const { url, query, variables, productId } = config!;
  const id = `s${++nextId}`;
  let lastSeq = -Infinity;
  const socket: WebSocket = new WebSocket(url, 'graphql-transport-ws', {
    open: () => socket.send('{"type":"connection_init","payload":{}}'),
    text: (raw) => {
      const at = now();
      const message = JSON.parse(raw) as NextMessage;
      if (message.type === 'next') {
        const event = message.payload?.data?.stockChanged;
        // Events carry increasing sequence numbers: a repeat or one out of order is as wrong as another product's.
        if (message.id !== id || event?.id !== productId || typeof event.available !== 'number' || event.available <= lastSeq) {
          wrong++;
          return;
        }
        lastSeq = event.available;
        // A subgraph failed this event's entity fetch: delivered, but not a clean delivery to time.
        if (message.payload?.errors) {
          errors++;
          return;
        }
        (receipts[event.available] ??= []).push(at);
      } else if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
      } else if (message.type === 'ping') {
        socket.send('{"type":"pong"}');
      } else if (message.type === 'error') {
        errors++;
      }
    },
    error: () => {
      if (!left.has(socket)) errors++;
    },
    // Still listed means the gateway closed it, not this process: counted by close code (e.g. 4408 init timeout).
    close: (code) => {
      if (!sockets.delete(socket)) return;
      errors++;
      closedByGateway[code] = (closedByGateway[code] ?? 0) + 1;
    },
  });
  sockets.set(socket, id);
}

/** Leaves as graphql-ws's client does on unsubscribe then dispose: complete, then close. */
function leave(socket: WebSocket): void {
  const id = sockets.get(socket);
  sockets.delete(socket);
  left.add(socket);
  if (socket.readyState !== WebSocket.OPEN) return socket.terminate();
  socket.send(JSON.stringify({ id, type: 'complete' }));
  socket.close(1000);
}

function flush(): void {
  if (Object.keys(receipts).length === 0 && wrong === 0 && errors === 0) return;
  process.send!({ type: 'receipts', receipts, wrong, errors, closedByGateway } satisfies FromClients);
  receipts = {};
  closedByGateway = {};
  wrong = 0;
  errors = 0;
}
setInterval(flush, FLUSH_MS);

process.on('message', (message: ToClients) => {
  if (message.type === 'open') config = message;
  else if (message.type === 'add') for (let i = 0; i < message.count; i++) open();
  else if (message.type === 'replace') {
    const list = [...sockets.keys()];
    for (let i = 0; i < message.count && list.length > 0; i++) {
      const index = Math.floor(Math.random() * list.length);
      leave(list[index]!);
      list[index] = list[list.length - 1]!;
      list.pop();
      open();
    }
  } else if (message.type === 'close-all') for (const socket of [...sockets.keys()]) leave(socket);
  else {
    flush();
    process.send!({ type: 'flushed' } satisfies FromClients);
  }
});
// The bench process went away (finished or crashed): do not linger.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
