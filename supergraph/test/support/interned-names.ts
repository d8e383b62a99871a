/**
 * Test child (a fresh process: V8 interns each name once per process): builds this platform's supergraph with
 * Supergraph.build (argv[2] = raw) or buildSupergraph (ours), then prints how many of its names every object key
 * now gets as a two-byte string (v8.serialize tags a one-byte string '"' and a two-byte one 'c').
 */
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { Supergraph } from '@apollo/federation-internals';
import { parse, visit } from 'graphql';
import { buildSupergraph } from '../../src/supergraph-build.js';

const sdl = readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8');
if (process.argv[2] === 'raw') Supergraph.build(sdl);
else buildSupergraph(sdl);
const names = new Set<string>();
visit(parse(sdl), { Name: (node) => void names.add(node.value) });
let twoByte = 0;
for (const name of names) {
  const key: Record<string, number> = {};
  key[Buffer.from(name, 'latin1').toString('latin1')] = 1;
  if (serialize(Object.keys(key)[0])[2] !== 0x22) twoByte++;
}
const answer = JSON.stringify(Object.fromEntries([...names].map((name) => [name, 'x'])));
process.stdout.write(JSON.stringify({ names: names.size, twoByte, answerOneByte: serialize(answer)[2] === 0x22 }));
