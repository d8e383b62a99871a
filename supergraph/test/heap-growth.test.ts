import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { gatewayEnv } from '../src/gateway-config.js';
import { DEFAULT_HEAP_GROWTH_PERCENT } from '../src/heap-growth.js';

const churn = fileURLToPath(new URL('./support/heap-churn.ts', import.meta.url));

async function peakHeapMb(percent: number): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', churn, String(percent)]);
  return (JSON.parse(stdout) as { peakMb: number }).peakMb;
}

describe('heap growth (GATEWAY_HEAP_GROWTH_PERCENT)', () => {
  it('bounds the heap the same garbage grows to, set at run time', async () => {
    const [v8Policy, bounded] = await Promise.all([peakHeapMb(0), peakHeapMb(DEFAULT_HEAP_GROWTH_PERCENT)]);
    // By hand: about 325 MB under V8's own policy, 190 MB at 100%.
    expect(bounded).toBeLessThan(v8Policy * 0.8);
  }, 60_000);

  it('defaults to 100 and takes 0 (V8 policy) but nothing negative or fractional', () => {
    expect(gatewayEnv.parse({}).GATEWAY_HEAP_GROWTH_PERCENT).toBe(100);
    expect(gatewayEnv.parse({ GATEWAY_HEAP_GROWTH_PERCENT: '0' }).GATEWAY_HEAP_GROWTH_PERCENT).toBe(0);
    for (const bad of ['-1', '1.5', 'lots']) expect(gatewayEnv.safeParse({ GATEWAY_HEAP_GROWTH_PERCENT: bad }).success).toBe(false);
  });
});
