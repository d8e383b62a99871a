import { describe, expect, it } from 'vitest';
import { internedNamesInChild } from '@shop/testing';

const child = new URL('./support/subgraph-names.ts', import.meta.url);

describe('internNamesOneByte before buildSubgraphSchema (as startSubgraphServer does)', () => {
  it('leaves every name of a federation subgraph interned one-byte, so its answers serialize one-byte', async () => {
    const [raw, ours] = await Promise.all([internedNamesInChild(child, 'raw'), internedNamesInChild(child, 'ours')]);
    // What it works around: buildSubgraphSchema alone interns names of the orders schema two-byte (77 of 120 by
    // hand). If this fails, a newer @apollo/subgraph no longer does.
    expect(raw.twoByte).toBeGreaterThan(0);
    expect(raw.answerOneByte).toBe(false);
    expect(ours).toEqual({ names: raw.names, twoByte: 0, answerOneByte: true });
  }, 60_000);
});
