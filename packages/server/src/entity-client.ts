import type { ServiceCredentials } from '@shop/auth';
import { withClientSpan } from '@shop/observability';
import { postJson } from './service-http.js';

/** Service-to-service reads straight to the owning subgraph (never through the gateway), with a timeout. */
export class SubgraphUnavailableError extends Error {
  constructor(
    readonly service: string,
    cause: unknown,
  ) {
    super(`${service} did not answer: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SubgraphUnavailableError';
  }
}

export interface EntityClientOptions {
  url: string;
  service: string;
  /** This service's credentials: the owning subgraph shows private entities to verified services only. */
  credentials: ServiceCredentials;
  timeoutMs?: number;
}

/** Resolves representations through the subgraph's _entities field; a missing entity comes back as null. */
export async function fetchEntities<T>(options: EntityClientOptions, typename: string, ids: readonly string[], selection: string): Promise<(T | null)[]> {
  if (ids.length === 0) return [];
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`;
  let body: { data?: { _entities: (T | null)[] }; errors?: { message: string }[] };
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(await options.credentials.headers()) };
    body = await withClientSpan(`fetch ${options.service} ${typename}`, headers, async () => {
      const response = await postJson(options.url, {
        headers,
        body: JSON.stringify({ query, variables: { r: ids.map((id) => ({ __typename: typename, id })) } }),
        timeoutMs: options.timeoutMs ?? 3000,
        idempotent: true,
      });
      // A non-JSON or empty answer has no data: reported below as the service not answering.
      return (response.body ?? {}) as typeof body;
    });
  } catch (error) {
    throw new SubgraphUnavailableError(options.service, error);
  }
  if (!body.data) throw new SubgraphUnavailableError(options.service, body.errors?.[0]?.message ?? 'no data');
  return body.data._entities;
}
