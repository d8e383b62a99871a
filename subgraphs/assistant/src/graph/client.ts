/**
 * The assistant's only way to read data: a fixed operation of operations.ts, POSTed to the gateway with the asking
 * user's own Authorization header, so every subgraph applies that user's access rules, exactly as for the user.
 */
import { withClientSpan } from '@shop/observability';
import type { GraphOperation } from './operations.js';

export interface GraphRead<TData = any> {
  /** The operation's name and the variables it ran with, for the answer's sources. */
  operation: string;
  variables: Record<string, unknown>;
  /** What the gateway answered (null when the gateway refused the whole operation). */
  data: TData | null;
  /** The gateway's error codes (FORBIDDEN, UNAUTHENTICATED, …): what the user could not see. */
  errorCodes: string[];
}

/** Reads the graph as one user. */
export interface GraphReader {
  read<TData = any>(operation: GraphOperation, variables?: Record<string, unknown>): Promise<GraphRead<TData>>;
}

/** The gateway did not answer (down, timed out, not JSON): not the user's fault, reported as SERVICE_UNAVAILABLE. */
export class GatewayUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayUnavailable';
  }
}

export interface GatewayClientOptions {
  url: string;
  timeoutMs: number;
}

/** A reader for one request's user: `authorization` is the header the user sent (forwarded by the gateway). */
export function gatewayReader({ url, timeoutMs }: GatewayClientOptions, authorization: string | undefined): GraphReader {
  return {
    async read(operation, variables = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) };
      let response: Response;
      try {
        // A client span with its traceparent: the question, its reads and the subgraphs they reach are one trace.
        response = await withClientSpan(`gateway ${operation.name}`, headers, () =>
          fetch(url, {
            method: 'POST',
            headers,
            // The exact text of the manifest (persisted-operations.json): a gateway in safelist mode runs it.
            body: JSON.stringify({ query: operation.text, operationName: operation.name, variables }),
            signal: AbortSignal.timeout(timeoutMs),
          }),
        );
      } catch (error) {
        throw new GatewayUnavailable(`the gateway did not answer ${operation.name}: ${error instanceof Error ? error.name : 'error'}`);
      }
      let body: { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
      try {
        body = (await response.json()) as typeof body;
      } catch {
        throw new GatewayUnavailable(`the gateway answered ${operation.name} with HTTP ${response.status} and no JSON`);
      }
      const errorCodes = (body.errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
      // A safelist without this subgraph's manifest is the operator's setting, not the user's rights: never "cannot see".
      if (errorCodes.includes('PERSISTED_QUERY_NOT_IN_SAFELIST'))
        throw new GatewayUnavailable(`the gateway's safelist does not list ${operation.name}: add subgraphs/assistant/persisted-operations.json to PERSISTED_OPERATIONS_MANIFEST`);
      if (body.data === undefined && errorCodes.length === 0) throw new GatewayUnavailable(`the gateway answered ${operation.name} with HTTP ${response.status}`);
      return { operation: operation.name, variables, data: (body.data ?? null) as any, errorCodes };
    },
  };
}

/** A source as the answer carries it: the JSON of the read (operation, variables, data, and refusals if any). */
export const sourceOf = (read: GraphRead): string =>
  JSON.stringify({ operation: read.operation, variables: read.variables, data: read.data, ...(read.errorCodes.length ? { errors: read.errorCodes } : {}) });
