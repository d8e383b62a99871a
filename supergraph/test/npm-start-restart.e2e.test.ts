import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest, startNpmStart, type NpmStartPlatform } from '@shop/testing';

/** Places a one-line order as the demo customer and returns its number's digits (ORD-000007 -> 7). */
async function placeOrder(gatewayUrl: string): Promise<number> {
  const login = await graphqlRequest(gatewayUrl, `mutation { login(email: "${demo.customer.email}", password: "${demo.customer.password}") { token } }`);
  const placed = await graphqlRequest(
    gatewayUrl,
    `mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { order { number } errors { code message } } }`,
    { input: { lines: [{ productId: demo.products[0]!.id, quantity: 1 }], idempotencyKey: crypto.randomUUID() } },
    login.data.login.token,
  );
  expect(placed.errors).toBeUndefined();
  expect(placed.data.placeOrder.errors).toEqual([]);
  const number: string = placed.data.placeOrder.order.number;
  expect(number).toMatch(/^ORD-\d{6}$/);
  return Number(number.slice(4));
}

/**
 * SIGINT as Ctrl-C sends it: to the terminal's whole process group (npm, node). SIGTERM as a supervisor (docker,
 * systemd, kill) sends it: to the one process it started, npm, which passes it on.
 */
async function stopWith(platform: NpmStartPlatform, signal: 'SIGINT' | 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => platform.child.once('exit', (code, by) => resolve({ code, signal: by })));
  process.kill(signal === 'SIGINT' ? -platform.child.pid! : platform.child.pid!, signal);
  return exited;
}

// PostgreSQL writes a sequence 32 values ahead to its log; only a clean shutdown (a checkpoint) keeps the value in
// use, so after a killed stop the next order number jumps (ORD-000002, then ORD-000035).
describe.each(['SIGINT', 'SIGTERM'] as const)('npm start stopped with %s, then started again on the same data', (signal) => {
  it('exits 0 after closing its embedded databases: the next order gets the next number', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'artesanias-restart-'));
    let first: NpmStartPlatform | undefined;
    let second: NpmStartPlatform | undefined;
    try {
      first = await startNpmStart({ dataDir, readyTimeoutMs: 90_000 });
      const before = await placeOrder(first.gatewayUrl);
      expect(await stopWith(first, signal)).toEqual({ code: 0, signal: null });
      expect(first.output()).toContain('Stopping');
      expect(first.output()).not.toMatch(/Error|ERR!|level":50/);

      second = await startNpmStart({ dataDir, readyTimeoutMs: 90_000 });
      expect(await placeOrder(second.gatewayUrl)).toBe(before + 1);
    } finally {
      await first?.stop();
      await second?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
