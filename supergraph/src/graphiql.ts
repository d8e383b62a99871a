import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';

const require = createRequire(import.meta.url);

/**
 * GraphiQL's browser build (graphiql 3, the last with one: later versions need a bundler) and the React 18 it runs
 * on, all from node_modules, so exploring the graph needs no internet, unlike the Apollo Sandbox (its page is loaded
 * from Apollo's CDN). React 18 is the supergraph workspace's own: the storefront's React 19 has no browser build.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};
// By the package's folder: React's exports map does not list its browser builds.
const pathOf = ({ pkg, file }: { pkg: string; file: string }) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

// Kept out of the page so it runs under a CSP without inline scripts. The endpoint is this page's own origin, so
// CORS never applies; the fetcher POSTs application/json, which Apollo's CSRF prevention lets through.
const START = `const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).href });
ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }));
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>GraphiQL · Artesanías graph</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
    <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="/graphiql/assets/react.js"></script>
    <script src="/graphiql/assets/react-dom.js"></script>
    <script src="/graphiql/assets/graphiql.js"></script>
    <script src="/graphiql/assets/start.js"></script>
  </body>
</html>
`;

/** GET /graphiql and its assets (mounted at /graphiql): GraphiQL against this gateway's /graphql, for development. */
export function graphiqlRouter(): Router {
  const router = Router();
  router.get('/', (_req, res) => void res.type('html').send(PAGE));
  router.get('/assets/start.js', (_req, res) => void res.type('text/javascript').send(START));
  router.get('/assets/:file', (req, res, next) => {
    const asset = Object.hasOwn(ASSETS, req.params.file) ? ASSETS[req.params.file] : undefined;
    if (!asset) return next();
    // One day: the files change only with an npm install.
    res.type(asset.type).sendFile(pathOf(asset), { maxAge: '1d' });
  });
  return router;
}
