import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** Where a balancer sends connections: host and port of one replica. */
export interface Upstream {
  host: string;
  port: number;
}

export interface TcpBalancer {
  port: number;
  /** Connections accepted so far, per upstream (host:port), for tests. */
  connections(): Record<string, number>;
  close(): Promise<void>;
}

/**
 * A small round-robin TCP balancer, used only by the distributed run when nginx is not installed (in front of the
 * gateways) and in front of each service's replicas (what compose's service DNS name does). It mirrors the nginx
 * template's policy at the connection level: no stickiness; an upstream that refuses a connection is skipped for
 * `failTimeoutMs` (passive health, max_fails=1) and the connection tries the next one (proxy_next_upstream error).
 * Bytes are piped untouched, so HTTP keep-alive and WebSocket upgrades pass through.
 */
export async function startTcpBalancer(upstreams: Upstream[], options: { port?: number; host?: string; failTimeoutMs?: number } = {}): Promise<TcpBalancer> {
  if (upstreams.length === 0) throw new Error('a balancer needs at least one upstream');
  const failTimeoutMs = options.failTimeoutMs ?? 5_000;
  const downUntil = new Map<Upstream, number>();
  const accepted = new Map<string, number>();
  const open = new Set<Socket>();
  let next = 0;

  /** The upstreams to try, in round-robin order, the ones believed down last (they may be back: never refuse outright). */
  const candidates = (): Upstream[] => {
    const start = next++ % upstreams.length;
    const ordered = upstreams.map((_, i) => upstreams[(start + i) % upstreams.length]!);
    const now = Date.now();
    return [...ordered.filter((u) => (downUntil.get(u) ?? 0) <= now), ...ordered.filter((u) => (downUntil.get(u) ?? 0) > now)];
  };

  const connect = (client: Socket, tries: Upstream[]) => {
    const upstream = tries.shift();
    if (!upstream) return client.destroy();
    const server = createConnection({ host: upstream.host, port: upstream.port });
    open.add(server);
    server.once('close', () => open.delete(server));
    const onConnectError = () => {
      downUntil.set(upstream, Date.now() + failTimeoutMs);
      server.destroy();
      if (!client.destroyed) connect(client, tries);
    };
    server.once('error', onConnectError);
    server.once('connect', () => {
      server.off('error', onConnectError);
      downUntil.delete(upstream);
      const key = `${upstream.host}:${upstream.port}`;
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      // After connecting, a reset on either side ends both (the client sees what it would see from the replica).
      server.on('error', () => client.destroy());
      client.on('error', () => server.destroy());
      client.pipe(server);
      server.pipe(client);
      client.resume();
    });
  };

  const listener: Server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    // Hold what the client sends until an upstream is connected.
    client.pause();
    client.once('error', () => client.destroy());
    connect(client, candidates());
  });
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (listener.address() as { port: number }).port,
    connections: () => Object.fromEntries(accepted),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        listener.close(() => resolve());
      }),
  };
}
