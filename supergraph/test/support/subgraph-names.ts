/** Test child (a fresh process): builds the orders subgraph's schema with buildSubgraphSchema alone (argv[2] raw) or as startSubgraphServer does. */
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { internNamesOneByte } from '@shop/server';
import { internedNames } from '@shop/testing';

const sdl = readFileSync(new URL('../../../subgraphs/orders/schema.graphql', import.meta.url), 'utf8');
const typeDefs = parse(sdl);
if (process.argv[2] !== 'raw') internNamesOneByte(typeDefs);
buildSubgraphSchema({ typeDefs, resolvers: {} });
process.stdout.write(JSON.stringify(internedNames(sdl)));
