import type { FormattedExecutionResult } from 'graphql';
import type { Client } from 'graphql-ws';
import type { SelectionGroup } from './selection-group.js';
import { upstreamFailure } from './upstream-errors.js';

/**
 * One subscription on the owning subgraph (one primary fetch, variables and scope), shared by every selection group
 * that needs it. It stops when its last group leaves; when the subgraph ends it, every group is finished.
 */
export class UpstreamSubscription {
  readonly groups = new Map<string, SelectionGroup>();
  private unsubscribe: (() => void) | null = null;
  private done = false;

  constructor(
    readonly service: string,
    private readonly request: { query: string; variables: Record<string, unknown> },
    private readonly onGone: (upstream: UpstreamSubscription) => void,
  ) {}

  start(client: Client): void {
    this.unsubscribe = client.subscribe(this.request, {
      next: (result) => {
        for (const group of this.groups.values()) group.onEvent(result as FormattedExecutionResult);
      },
      error: (error) => this.end(upstreamFailure(this.service, error)),
      complete: () => this.end(null),
    });
  }

  removeGroup(key: string, group: SelectionGroup): void {
    if (this.groups.get(key) === group) this.groups.delete(key);
    if (this.groups.size === 0) this.stop();
  }

  /** No client is left: tell the subgraph. */
  stop(): void {
    if (this.done) return;
    this.done = true;
    this.unsubscribe?.();
    this.onGone(this);
  }

  private end(errors: ReturnType<typeof upstreamFailure> | null): void {
    if (this.done) return;
    this.done = true;
    this.onGone(this);
    for (const group of this.groups.values()) group.finish(errors);
    this.groups.clear();
  }
}
