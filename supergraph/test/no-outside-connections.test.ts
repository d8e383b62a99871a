import { createHook } from 'node:async_hooks';
import dc from 'node:diagnostics_channel';
import { isIP, type Socket } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { startTestPlatform } from './support/platform.js';

interface Recorder {
  /** Every TCP address this thread tried to connect to, whether or not the connection succeeded. */
  connections: { address: string; port: number }[];
  /** Every name this thread looked up (dns.lookup, as sockets do, or dns.resolve*), as asked. */
  lookups: string[];
  /** Worker threads and child processes started meanwhile: their connections are not seen here. */
  others: string[];
  stop(): void;
}

/**
 * 'net.client.socket' is published only for net.connect(), as http and undici open sockets; postgres.js opens
 * `new net.Socket().connect()`, which it never sees. An async hook sees each connect and lookup request as it is
 * made, whatever made it; its fields are Node's internals, so a request without them counts as outside.
 */
function recordOutgoing(): Recorder {
  const recorder: Recorder = { connections: [], lookups: [], others: [], stop: () => {} };
  const requests: { type: string; resource: { address?: string; port?: number; hostname?: string } }[] = [];
  const onSocket = (message: unknown) => {
    // One event per address tried, before the connection succeeds or fails, so an unreachable address counts too.
    (message as { socket: Socket }).socket.on('connectionAttempt', (address: string, port: number) => recorder.connections.push({ address, port }));
  };
  const hook = createHook({
    init(_id, type, _trigger, resource) {
      if (type === 'TCPCONNECTWRAP' || type === 'GETADDRINFOREQWRAP' || type === 'QUERYWRAP') requests.push({ type, resource: resource as never });
      else if (type === 'WORKER' || type === 'PROCESSWRAP') recorder.others.push(type);
    },
  });
  dc.subscribe('net.client.socket', onSocket);
  hook.enable();
  recorder.stop = () => {
    hook.disable();
    dc.unsubscribe('net.client.socket', onSocket);
    // Read now: the address and port are set on a connect request just after it is created.
    for (const { type, resource } of requests) {
      if (type === 'TCPCONNECTWRAP') recorder.connections.push({ address: resource.address ?? '(unknown)', port: resource.port ?? -1 });
      else recorder.lookups.push(resource.hostname ?? '(unknown)');
    }
  };
  return recorder;
}

const isLoopback = (address: string) => /^(127\.|::ffff:127\.)/.test(address) || address === '::1';
const portOf = (url: string) => Number(new URL(url).port);

describe('outgoing connections', () => {
  it('the platform connects only to its own services and the test PostgreSQL, on loopback, and looks up no name but localhost', async () => {
    const databaseUrl = inject('databaseUrl');
    const recorder = recordOutgoing();
    let platform: Awaited<ReturnType<typeof startTestPlatform>> | undefined;
    let ports: number[] = [];
    try {
      platform = await startTestPlatform(databaseUrl);
      ports = [portOf(platform.gatewayUrl), ...Object.values(platform.subgraphUrls).map(portOf), Number(new URL(databaseUrl).port || 5432)];

      const login = await graphqlRequest(platform.gatewayUrl, `mutation { login(email: "${demo.customer.email}", password: "${demo.customer.password}") { token } }`);
      expect(login.errors).toBeUndefined();
      // users (me) -> orders -> products, payments, inventory -> users (sellers)
      const history = await graphqlRequest(
        platform.gatewayUrl,
        `{ me { orders { edges { node { number lines { product { name seller { name } stock { available } } } payments { status } } } } } }`,
        {},
        login.data.login.token,
      );
      expect(history.errors).toBeUndefined();
      expect(history.data.me.orders.edges.length).toBeGreaterThan(0);
    } finally {
      await platform?.stop();
      recorder.stop();
      await platform?.dropDatabases();
    }

    // The recorder saw the traffic it should: the client to the gateway and the subgraphs to PostgreSQL.
    expect(recorder.connections.map((c) => c.port)).toEqual(expect.arrayContaining([ports[0], ports.at(-1)]));
    const outside = recorder.connections.filter((c) => !isLoopback(c.address) || !ports.includes(c.port)).map((c) => `${c.address}:${c.port}`);
    expect(outside, 'connections outside the configured services').toEqual([]);
    const names = [...new Set(recorder.lookups)].filter((host) => !isIP(host) && !/^localhost\.?$/i.test(host));
    expect(names, 'host names looked up').toEqual([]);
    expect(recorder.others, 'threads or processes whose connections this test cannot see').toEqual([]);
  }, 120_000);
});
