import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postJson } from '../src/service-http.js';

/** A service whose first `failures` requests meet `fail` (a dead replica, a balancer's 502), then answers with what it was sent. */
async function flakyService(failures: number, fail: (req: IncomingMessage, res: ServerResponse) => void) {
  let seen = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (++seen <= failures) return fail(req, res);
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ echoed: JSON.parse(body) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests: () => seen };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const call = (idempotent: boolean) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: 1 }), timeoutMs: 3000, idempotent });
const dropConnection = (req: IncomingMessage) => req.socket.destroy();

describe('postJson', () => {
  it('sends an idempotent call again on a fresh connection when the first one is dropped mid-call (a replica killed under our keep-alive connection)', async () => {
    const service = await flakyService(1, dropConnection);
    expect(await postJson(service.url, call(true))).toEqual({ status: 200, body: { echoed: { n: 1 } } });
    expect(service.requests()).toBe(2);
  });

  it('sends an idempotent call again when a balancer answers 502 or 503, and gives up after two retries', async () => {
    const twice = await flakyService(2, (_req, res) => res.writeHead(502).end());
    expect(await postJson(twice.url, call(true))).toEqual({ status: 200, body: { echoed: { n: 1 } } });
    expect(twice.requests()).toBe(3);
    const always = await flakyService(10, (_req, res) => res.writeHead(503).end());
    await expect(postJson(always.url, call(true))).rejects.toThrow();
    expect(always.requests()).toBe(3);
  });

  it('never repeats a call not marked idempotent, and passes other statuses through to the caller', async () => {
    const dropped = await flakyService(1, dropConnection);
    await expect(postJson(dropped.url, call(false))).rejects.toThrow();
    expect(dropped.requests()).toBe(1);
    const refused = await flakyService(1, (_req, res) => res.writeHead(422, { 'content-type': 'application/json' }).end('{"error":"no"}'));
    expect(await postJson(refused.url, call(true))).toEqual({ status: 422, body: { error: 'no' } });
    expect(refused.requests()).toBe(1);
  });
});
