import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import type { Logger } from '@shop/common';
import type { Scope } from './scope.js';

export interface UpstreamConnectionOptions {
  /** graphql-ws ping interval towards the subgraphs. */
  keepAliveMs: number;
  /** Reconnect attempts after a subgraph went away (restart, deploy); its subscriptions are resubscribed. */
  retryAttempts: number;
  /** First wait before reconnecting; doubles per attempt, capped at 10 s, with jitter. */
  retryWaitMs: number;
  logger: Logger;
}

interface Entry {
  client: Client;
  users: number;
  connected: boolean;
}

/**
 * One graphql-ws client per (subgraph, scope): every upstream subscription of that scope to that subgraph is
 * multiplexed over its one socket. The client connects on first use and is disposed with its last user.
 */
export class UpstreamConnections {
  private readonly entries = new Map<string, Entry>();
  private open = 0;

  constructor(private readonly options: UpstreamConnectionOptions) {}

  acquire(service: string, wsUrl: string, scope: Scope): Client {
    const key = `${service}\n${scope.key}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.create(service, wsUrl, scope);
      this.entries.set(key, entry);
    }
    entry.users++;
    return entry.client;
  }

  release(service: string, scope: Scope): void {
    const key = `${service}\n${scope.key}`;
    const entry = this.entries.get(key);
    if (!entry || --entry.users > 0) return;
    this.entries.delete(key);
    disposeQuietly(entry.client);
  }

  /** Sockets open to subgraphs right now. */
  openConnections(): number {
    return this.open;
  }

  clients(): number {
    return this.entries.size;
  }

  async dispose(): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(entries.map((e) => disposeQuietly(e.client)));
  }

  private create(service: string, wsUrl: string, scope: Scope): Entry {
    const { keepAliveMs, retryAttempts, retryWaitMs, logger } = this.options;
    const entry: Entry = { users: 0, connected: false, client: undefined as unknown as Client };
    entry.client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: scope.authorization ? { authorization: scope.authorization } : {},
      lazy: true,
      lazyCloseTimeout: 0,
      keepAlive: keepAliveMs,
      retryAttempts,
      // A refused connection (subgraph restarting) is an error event, not a close: retry both.
      shouldRetry: () => true,
      retryWait: async (retries) => {
        const wait = Math.min(retryWaitMs * 2 ** retries, 10_000) * (0.75 + Math.random() / 2);
        await new Promise((resolve) => setTimeout(resolve, wait));
      },
      on: {
        connected: (_socket, _payload, wasRetry) => {
          entry.connected = true;
          this.open++;
          if (wasRetry) logger.info({ service }, 'reconnected to subgraph; subscriptions resubscribed');
        },
        closed: () => {
          if (!entry.connected) return;
          entry.connected = false;
          this.open--;
        },
      },
    });
    return entry;
  }
}

/**
 * graphql-ws's dispose() awaits the pending connection, so a client whose subgraph refused it (down, restarting)
 * rejects with that socket's error event: unhandled, it would stop the gateway when the last user leaves.
 */
function disposeQuietly(client: Client): Promise<void> {
  return Promise.resolve()
    .then(() => client.dispose())
    .catch(() => undefined);
}
