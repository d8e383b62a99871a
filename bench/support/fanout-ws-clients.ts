/**
 * bench:fanout child: a share of the subscribers, each its own graphql-ws client (createClient from the graphql-ws
 * library over the `ws` WebSocket, one socket per client, as a browser tab holds one), subscribed to stockChanged for
 * one product. Every `next` is checked (the product, increasing sequence numbers, no errors) before its receipt
 * counts; receipts go to the coordinator in batches by event sequence number.
 */
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { WireWebSocket } from './wire-websocket.js';

export interface OpenWsClients {
  type: 'open';
  url: string;
  query: string;
  variables: Record<string, unknown>;
  productId: string;
  /** ws: the `ws` package (default); lean: graphql-ws over the lean socket (wire-websocket.ts), as a browser's native one costs the page little. */
  socket: 'ws' | 'lean';
}
export type ToWsClients = OpenWsClients | { type: 'add'; count: number } | { type: 'close-all' } | { type: 'flush' };
/** connected: clients whose socket got connection_ack so far (cumulative); errors: socket, protocol or GraphQL errors. */
export type FromWsClients =
  | { type: 'receipts'; receipts: Record<number, number[]>; wrong: number; errors: number; connected: number; firstError?: string }
  | { type: 'flushed' };

const now = () => performance.timeOrigin + performance.now();
const FLUSH_MS = 25;

let config: OpenWsClients | null = null;
const clients: { client: Client; unsubscribe: () => void }[] = [];
let receipts: Record<number, number[]> = {};
let wrong = 0;
let errors = 0;
let connected = 0;
let firstError: string | undefined;
let closing = false;

/** The browser WebSocket API graphql-ws's client drives, over WireWebSocket. */
class LeanWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  private readonly wire: WireWebSocket;

  constructor(
    url: string,
    readonly protocol: string,
  ) {
    this.wire = new WireWebSocket(url, protocol, {
      open: () => this.onopen?.({}),
      text: (data) => this.onmessage?.({ data }),
      close: (code) => this.onclose?.({ code, reason: '', wasClean: code !== 1006 }),
      error: (error) => this.onerror?.(error),
    });
  }

  get readyState(): number {
    return this.wire.readyState;
  }

  send(data: string): void {
    this.wire.send(data);
  }

  close(code?: number): void {
    this.wire.close(code);
  }
}

type StockEvent = { stockChanged?: { id?: string; available?: number } };

function open(): void {
  const { url, query, variables, productId } = config!;
  let lastSeq = -Infinity;
  const client = createClient({
    url,
    webSocketImpl: config!.socket === 'lean' ? LeanWebSocket : WebSocket,
    retryAttempts: 0,
    on: {
      connected: () => connected++,
      error: (error) => {
        if (closing) return;
        errors++;
        firstError ??= String((error as { message?: string }).message ?? error);
      },
    },
  });
  const unsubscribe = client.subscribe<StockEvent>(
    { query, variables },
    {
      next: (result) => {
        const at = now();
        const event = result.data?.stockChanged;
        // Events carry increasing sequence numbers: a repeat or one out of order is as wrong as another product's.
        if (event?.id !== productId || typeof event.available !== 'number' || event.available <= lastSeq) {
          wrong++;
          return;
        }
        lastSeq = event.available;
        if (result.errors) {
          errors++;
          firstError ??= JSON.stringify(result.errors[0]);
          return;
        }
        (receipts[event.available] ??= []).push(at);
      },
      error: (error) => {
        if (closing) return;
        errors++;
        firstError ??= JSON.stringify(error);
      },
      complete: () => undefined,
    },
  );
  clients.push({ client, unsubscribe });
}

function flush(): void {
  process.send!({ type: 'receipts', receipts, wrong, errors, connected, firstError } satisfies FromWsClients);
  receipts = {};
  wrong = 0;
  errors = 0;
  firstError = undefined;
}
setInterval(flush, FLUSH_MS);

process.on('message', (message: ToWsClients) => {
  if (message.type === 'open') config = message;
  else if (message.type === 'add') for (let i = 0; i < message.count; i++) open();
  else if (message.type === 'close-all') {
    closing = true;
    // As an app leaves: unsubscribe (complete), then dispose the client (close the socket).
    for (const { client, unsubscribe } of clients.splice(0)) {
      unsubscribe();
      void client.dispose();
    }
  } else {
    flush();
    process.send!({ type: 'flushed' } satisfies FromWsClients);
  }
});
// The bench process went away (finished or crashed): do not linger.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
