/** Test child (a fresh process): builds this platform's supergraph with Supergraph.build (argv[2] raw) or buildSupergraph. */
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { internedNames } from '@shop/testing';
import { buildSupergraph } from '../../src/supergraph-build.js';

const sdl = readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8');
if (process.argv[2] === 'raw') Supergraph.build(sdl);
else buildSupergraph(sdl);
process.stdout.write(JSON.stringify(internedNames(sdl)));
