import type { Viewer } from '@shop/auth';

/** What the gateway knows of a request: shared by queries, mutations and subscription events. */
export interface GatewayContext {
  viewer: Viewer | null;
  /** The verified bearer header, forwarded as it came so each subgraph verifies it again. */
  authorization?: string;
  /** The client's address as the gateway's rate limits see it (TRUST_PROXY), sent on to subgraphs in X-Forwarded-For. */
  clientAddress?: string;
}
