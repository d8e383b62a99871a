import type { IncomingMessage } from 'node:http';
import { consumeEach, RateLimited, type RateLimiterAbstract } from '@shop/server';

/**
 * Bounds on WebSocket floods, beside each connection's own subscription cap:
 * - at the HTTP upgrade, per client address: sockets open at once and new sockets per minute (refused with 429);
 * - after connection_init, per signed-in user: sockets open at once (closed with 1013, "try again later", which
 *   graphql-ws clients retry with backoff) and subscriptions across all of them (refused with RATE_LIMITED).
 */
export interface ConnectionLimitSettings {
  connectionsPerIp: number;
  connectionsPerUser: number;
  subscriptionsPerUser: number;
  /** New sockets per client address per minute. */
  connects: RateLimiterAbstract;
}

export type Admission = { ok: true } | { ok: false; status: 429; retryAfterSeconds: number; reason: string };

export class ConnectionLimits<TConnection> {
  private readonly openByIp = new Map<string, number>();
  private readonly connectionsByUser = new Map<string, Set<TConnection>>();

  constructor(private readonly settings: ConnectionLimitSettings, private readonly ipOf: (req: IncomingMessage) => string | undefined, private readonly onLimited?: (scope: string) => void) {}

  /** At the upgrade: a slot for this address, given back when the TCP socket closes (handshake failures included). */
  async admit(req: IncomingMessage): Promise<Admission> {
    const ip = this.ipOf(req) ?? 'unknown';
    const open = this.openByIp.get(ip) ?? 0;
    if (open >= this.settings.connectionsPerIp) return this.refuse('ws-ip', 60, `At most ${this.settings.connectionsPerIp} open connections per client.`);
    try {
      await consumeEach([['ws-connect', this.settings.connects, ip]]);
    } catch (error) {
      if (error instanceof RateLimited) return this.refuse(error.scope, error.retryAfterSeconds, 'Too many new connections; try again later.');
      throw error;
    }
    this.openByIp.set(ip, (this.openByIp.get(ip) ?? 0) + 1);
    req.socket.once('close', () => {
      const left = (this.openByIp.get(ip) ?? 1) - 1;
      if (left > 0) this.openByIp.set(ip, left);
      else this.openByIp.delete(ip);
    });
    return { ok: true };
  }

  /** After connection_init: false when the user already holds as many connections as allowed. */
  join(userId: string | undefined, connection: TConnection): boolean {
    if (!userId) return true;
    const held = this.connectionsByUser.get(userId) ?? new Set<TConnection>();
    if (held.size >= this.settings.connectionsPerUser) {
      this.onLimited?.('ws-user');
      return false;
    }
    this.connectionsByUser.set(userId, held.add(connection));
    return true;
  }

  leave(userId: string | undefined, connection: TConnection): void {
    const held = userId ? this.connectionsByUser.get(userId) : undefined;
    if (!held) return;
    held.delete(connection);
    if (held.size === 0) this.connectionsByUser.delete(userId!);
  }

  /** Whether one more subscription fits the user's total, counted over their open connections. */
  maySubscribe(userId: string | undefined, subscriptionsOf: (connection: TConnection) => number): boolean {
    const held = userId ? this.connectionsByUser.get(userId) : undefined;
    if (!held) return true;
    // graphql-ws has already entered the one being asked for.
    let total = 0;
    for (const connection of held) total += subscriptionsOf(connection);
    if (total <= this.settings.subscriptionsPerUser) return true;
    this.onLimited?.('ws-subscriptions');
    return false;
  }

  private refuse(scope: string, retryAfterSeconds: number, reason: string): Admission {
    this.onLimited?.(scope);
    return { ok: false, status: 429, retryAfterSeconds, reason };
  }
}
