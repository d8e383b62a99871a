import type { IncomingMessage } from 'node:http';
import DataLoader from 'dataloader';
import type { Viewer } from '@shop/auth';
import type { Logger } from '@shop/common';
import type { Database } from '@shop/db';
import type { AssistantSchema, MessageRow } from '../db/schema.js';
import { findMessages } from '../domain/conversations.js';
import type { QuestionLimits } from '../domain/question-limits.js';
import { gatewayReader, type GatewayClientOptions, type GraphReader } from '../graph/client.js';
import type { AssistantProvider } from '../providers/provider.js';

/** What every request shares. */
export interface AssistantServices {
  db: Database<AssistantSchema>;
  provider: AssistantProvider;
  limits: QuestionLimits;
  gateway: GatewayClientOptions;
  logger: Logger;
}

export interface AssistantContext extends AssistantServices {
  viewer: Viewer | null;
  /** The graph as this request's user sees it: the gateway, with the Authorization header the user sent. */
  graph: GraphReader;
  loaders: { messagesByConversation: DataLoader<string, MessageRow[]> };
}

export function createContext(services: AssistantServices, viewer: Viewer | null, request?: IncomingMessage): AssistantContext {
  // The gateway forwards the user's own header to every subgraph (supergraph/src/gateway.ts, willSendRequest).
  const authorization = request?.headers.authorization;
  return {
    ...services,
    viewer,
    graph: gatewayReader(services.gateway, authorization),
    loaders: {
      messagesByConversation: new DataLoader(async (ids) => {
        const rows = await findMessages(services.db, ids);
        return ids.map((id) => rows.filter((row) => row.conversationId === id));
      }),
    },
  };
}
