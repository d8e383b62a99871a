import { getGlobalDispatcher, request, RetryAgent, type Dispatcher } from 'undici';

export interface ServicePost {
  headers: Record<string, string>;
  /** JSON-encoded already. */
  body: string;
  /** The whole call, answer read included (and every retry of an idempotent call). */
  timeoutMs: number;
  /**
   * Sending the call twice has the effect of sending it once (a read, or a write keyed by an id the callee replays):
   * when the connection fails (a replica killed under our keep-alive connection, a balancer's upstream going away) or
   * the answer is 502/503/504, it is sent again, twice at most, within timeoutMs.
   */
  idempotent?: boolean;
}

let retrying: Dispatcher | undefined;

/** undici's own retry dispatcher over the same connection pools; its default methods leave POST out, so callers opt in. */
function retryingDispatcher(): Dispatcher {
  return (retrying ??= new RetryAgent(getGlobalDispatcher(), {
    methods: ['POST'],
    maxRetries: 2,
    minTimeout: 25,
    maxTimeout: 250,
    statusCodes: [502, 503, 504],
  }));
}

/**
 * One service-to-service POST (an _entities read, a reservation batch) on undici's request API, whose keep-alive pool
 * is one per origin: the answer's status and its JSON body (null when empty). Not fetch: its Request/Response
 * objects and web streams cost about 300 µs of CPU more per call than this (measured: a local round trip, 430-580 µs
 * with fetch, 140-230 µs with request), and placeOrder makes two such calls.
 */
export async function postJson(url: string | URL, call: ServicePost): Promise<{ status: number; body: unknown }> {
  const response = await request(url, {
    method: 'POST',
    headers: call.headers,
    body: call.body,
    signal: AbortSignal.timeout(call.timeoutMs),
    ...(call.idempotent && { dispatcher: retryingDispatcher() }),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text ? JSON.parse(text) : null };
}
