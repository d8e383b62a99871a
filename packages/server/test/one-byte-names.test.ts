import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('./support/subgraph-names.ts', import.meta.url));

async function internedAfter(build: 'raw' | 'ours') {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, build]);
  return JSON.parse(stdout) as { names: number; twoByte: number; answerOneByte: boolean };
}

describe('internNamesOneByte before buildSubgraphSchema (as startSubgraphServer does)', () => {
  it('leaves every name of a federation subgraph interned one-byte, so its answers serialize one-byte', async () => {
    const [raw, ours] = await Promise.all([internedAfter('raw'), internedAfter('ours')]);
    // What it works around: buildSubgraphSchema alone interns names of the orders schema two-byte (77 of 120 by
    // hand). If this fails, a newer @apollo/subgraph no longer does.
    expect(raw.twoByte).toBeGreaterThan(0);
    expect(raw.answerOneByte).toBe(false);
    expect(ours).toEqual({ names: raw.names, twoByte: 0, answerOneByte: true });
  }, 60_000);
});
