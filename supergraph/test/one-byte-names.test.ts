import { describe, expect, it } from 'vitest';
import { internedNamesInChild } from '@shop/testing';

// Each child builds a schema in a fresh process (V8 interns a name once per process) with Apollo's call alone (raw)
// or as this platform does.
const sides = [
  // Supergraph.build alone interns some of the platform's 479 names two-byte (3 in some runs, about 375 in others).
  { side: 'the gateway (buildSupergraph)', child: new URL('./support/supergraph-names.ts', import.meta.url) },
  // buildSubgraphSchema alone interns 77 of the orders schema's 120 names two-byte.
  { side: 'a subgraph (internNamesOneByte before buildSubgraphSchema, as startSubgraphServer does)', child: new URL('./support/subgraph-names.ts', import.meta.url) },
];

describe('schema names interned one-byte', () => {
  it.each(sides)('$side: every name one-byte, so answers serialize one-byte', async ({ child }) => {
    const [raw, ours] = await Promise.all([internedNamesInChild(child, 'raw'), internedNamesInChild(child, 'ours')]);
    // What it works around. If this fails, a newer Apollo no longer interns two-byte names and the interning can go.
    expect(raw.twoByte).toBeGreaterThan(0);
    expect(raw.answerOneByte).toBe(false);
    expect(ours).toEqual({ names: raw.names, twoByte: 0, answerOneByte: true });
  }, 60_000);
});
