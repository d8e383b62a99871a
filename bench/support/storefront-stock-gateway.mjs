/**
 * Stock @apollo/gateway for the storefront bench: plain ApolloServer + ApolloGateway over the same supergraph, nothing
 * added but the subgraph URLs (from SUBGRAPH_URLS, JSON by name) and forwarding the viewer's Authorization header.
 * Usage: node storefront-stock-gateway.mjs <supergraph file> <port>
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';

const [supergraphFile, port] = process.argv.slice(2);
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
