import { describe, expect, it } from 'vitest';
import { internedNamesInChild } from '@shop/testing';

const child = new URL('./support/interned-names.ts', import.meta.url);

describe('buildSupergraph', () => {
  it('leaves every name of the supergraph interned one-byte, so answers serialize one-byte', async () => {
    const [raw, ours] = await Promise.all([internedNamesInChild(child, 'raw'), internedNamesInChild(child, 'ours')]);
    // What it works around: Supergraph.build alone interns names two-byte (how many varies from run to run: 3 of 479
    // in some, about 375 in others; any makes the answers two-byte). If this fails, a newer
    // @apollo/federation-internals no longer does, and buildSupergraph's interning can go.
    expect(raw.twoByte).toBeGreaterThan(0);
    expect(raw.answerOneByte).toBe(false);
    expect(ours).toEqual({ names: raw.names, twoByte: 0, answerOneByte: true });
  }, 60_000);
});
