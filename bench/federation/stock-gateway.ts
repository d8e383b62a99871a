/**
 * Stock @apollo/gateway as its users run it: plain ApolloServer + ApolloGateway over a supergraph file, no extras
 * (as The Guild's benchmark runs it). It has no deduplication of its own.
 * Run: node --import tsx bench/federation/stock-gateway.ts <supergraph file> <port>
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const [supergraphPath, port] = process.argv.slice(2);
if (!supergraphPath || !port) throw new Error('usage: stock-gateway.ts <supergraph file> <port>');
const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(supergraphPath, 'utf8') }) });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
console.log(`stock @apollo/gateway at ${url}`);
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
