/**
 * Stock @apollo/gateway as its users run it, for the benches: plain ApolloServer + ApolloGateway over a supergraph
 * file, nothing added but forwarding the viewer's Authorization header and, when SUBGRAPH_URLS (JSON by subgraph name)
 * is set, the subgraphs' addresses. It has no deduplication of its own. Plain JavaScript, as the gateway under test
 * runs from its production bundle: neither pays for a TypeScript loader.
 * Usage: node bench/support/stock-gateway.mjs <supergraph file> <port>   (prints "READY <url>")
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';

const [supergraphFile, port] = process.argv.slice(2);
if (!supergraphFile || !port) throw new Error('usage: stock-gateway.mjs <supergraph file> <port>');
const urls = JSON.parse(process.env.SUBGRAPH_URLS ?? '{}');
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphFile, 'utf8'),
  buildService: ({ name, url }) =>
    new RemoteGraphQLDataSource({
      url: urls[name] ?? url,
      willSendRequest({ request, context }) {
        if (context.authorization) request.http.headers.set('authorization', context.authorization);
      },
    }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(port), host: '127.0.0.1' },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});
console.log(`READY ${url}`);
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
