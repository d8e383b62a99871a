import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';

/**
 * Where Apollo Server alone departs from the GraphQL over HTTP spec (graphql-http's serverAudits), and why each
 * fix keeps the gateway as safe as before.
 */

/**
 * Plain GET queries (no preflight header) are served. Apollo Server's CSRF prevention refuses them unless they carry
 * apollo-require-preflight; here that refusal protects nothing: a GET can only run a query (mutations over GET
 * answer 405), and the gateway takes the viewer only from the Authorization header, never from a cookie, so a
 * cross-site GET runs as nobody and its answer is unreadable without CORS. POSTs keep Apollo's check in full:
 * text/plain, form and multipart bodies are refused (400). If the gateway ever reads a cookie, remove this.
 */
export const getQueriesWithoutPreflight: RequestHandler = (req, _res, next) => {
  if (req.method === 'GET' && !req.headers['apollo-require-preflight']) req.headers['apollo-require-preflight'] = 'get';
  next();
};

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
const APPLICATION_JSON = 'application/json';

/** The q of a media type the Accept header names outright (wildcards do not count); 0 when it is not named. */
function qualityOf(accept: string, type: string): number {
  let best = 0;
  for (const part of accept.split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (name !== type) continue;
    const q = params.find((p) => p.startsWith('q='));
    best = Math.max(best, q ? Number(q.slice(2)) || 0 : 1);
  }
  return best;
}

/** A client that asked for application/json by name and prefers it to application/graphql-response+json (ties go to the latter). */
export function acceptsOnlyLegacyJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = qualityOf(accept, APPLICATION_JSON);
  return json > 0 && json > qualityOf(accept, GRAPHQL_RESPONSE_JSON);
}

/** Errors in a well-formed request that stop it before execution: the document or the variables are at fault. */
const DOCUMENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT',
  'QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_ROOT_FIELDS', 'TOO_MANY_DIRECTIVES', 'TOO_MANY_TOKENS',
]);

/**
 * The spec's legacy rule: a client that asked for application/json (and not application/graphql-response+json) gets
 * 200 for a document that does not parse, validate or coerce its variables, the errors in the body. Every other
 * client (urql, Apollo Client and fetch's default Accept included) keeps Apollo Server's 400.
 */
export function legacyJsonStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      if (!acceptsOnlyLegacyJson(request.http?.headers.get('accept'))) return;
      return {
        async willSendResponse({ response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data === undefined && errors?.length && errors.every((e) => DOCUMENT_ERROR_CODES.has(String(e.extensions?.code)))) response.http.status = 200;
        },
      };
    },
  };
}
