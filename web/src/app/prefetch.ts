import { formatDocument, stringifyDocument, stringifyVariables } from 'urql';
// Imported without going through ../gql (the graphql() lookup), so vite.config.ts can load this file on its own.
import { CatalogDocument } from '../gql/graphql.ts';
import { catalogVariables, catalogView } from '../operations/catalog-view.ts';

/**
 * The catalog's first page, asked for while the app's JS is still downloading: otherwise the query waits for
 * HTML -> JS -> React mount before it leaves. An inline script in index.html (built by catalogPrefetchScript) sends
 * the Catalog query for "/" as urql would, and the urql client takes that response for its first identical request
 * (prefetchingFetch) instead of sending it again: still one request, through the normalized cache like any other.
 */
interface Prefetch {
  url: string;
  authorization: string | null;
  /** The request body exactly as sent. */
  body: string;
  response: Promise<Response>;
}

declare global {
  interface Window {
    __SHOP_PREFETCH__?: Prefetch;
  }
}

/** Must match the session's storage key (app/session.tsx): a signed-in visitor's prefetch carries their token. */
const TOKEN_KEY = 'artesanias.token';

/**
 * The inline script for index.html, generated at build time (vite.config.ts) so the query text and variables are
 * the typed operation's, with __typename added as graphcache adds it. Runs after window.__SHOP_CONFIG__ is set.
 */
export function catalogPrefetchScript(buildGatewayUrl?: string): string {
  const body = JSON.stringify({
    operationName: 'Catalog',
    query: stringifyDocument(formatDocument(CatalogDocument)),
    variables: catalogVariables(catalogView(new URLSearchParams())),
  });
  // Same resolution as src/config.ts; if it ever differs, prefetchingFetch does not match and the app fetches itself.
  const js = `(function () {
  if (location.pathname !== '/' || location.search) return;
  var config = window.__SHOP_CONFIG__ || {};
  var url = config.gatewayUrl || ${JSON.stringify(buildGatewayUrl ?? '')} || 'http://' + location.hostname + ':4000/graphql';
  var token = null;
  try { token = localStorage.getItem(${JSON.stringify(TOKEN_KEY)}); } catch (e) {}
  var headers = { accept: 'application/graphql-response+json, application/json', 'content-type': 'application/json' };
  if (token) headers.authorization = 'Bearer ' + token;
  var body = ${JSON.stringify(body)};
  window.__SHOP_PREFETCH__ = { url: url, authorization: headers.authorization || null, body: body, response: fetch(url, { method: 'POST', headers: headers, body: body }) };
})();`;
  // Keeps "</script>" inside the query text (or a build URL) from ending the element.
  return js.replace(/</g, '\\u003c');
}

function sameOperation(a: string, b: string): boolean {
  try {
    const [x, y] = [JSON.parse(a), JSON.parse(b)];
    return x.operationName === y.operationName && x.query === y.query && stringifyVariables(x.variables) === stringifyVariables(y.variables);
  } catch {
    return false;
  }
}

/** urql's fetch: the first request identical to the prefetched one gets its response; a failed prefetch is retried as usual. */
export const prefetchingFetch: typeof fetch = (input, init) => {
  const prefetch = window.__SHOP_PREFETCH__;
  if (prefetch && typeof input === 'string' && typeof init?.body === 'string') {
    const authorization = (init.headers as Record<string, string> | undefined)?.authorization ?? null;
    if (input === prefetch.url && authorization === prefetch.authorization && sameOperation(init.body, prefetch.body)) {
      window.__SHOP_PREFETCH__ = undefined; // a response body is read once; later requests go to the network
      return prefetch.response.catch(() => fetch(input, init));
    }
  }
  return fetch(input, init);
};
