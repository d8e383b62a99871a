/** Test child (a fresh process): builds the orders subgraph's schema with buildSubgraphSchema alone (argv[2] raw) or as the subgraph server does. */
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { internedNames } from '@shop/testing';
import { internNamesOneByte } from '../../src/one-byte-names.js';

const sdl = readFileSync(new URL('../../../../subgraphs/orders/schema.graphql', import.meta.url), 'utf8');
const typeDefs = parse(sdl);
if (process.argv[2] !== 'raw') internNamesOneByte(typeDefs);
buildSubgraphSchema({ typeDefs, resolvers: {} });
process.stdout.write(JSON.stringify(internedNames(sdl)));
