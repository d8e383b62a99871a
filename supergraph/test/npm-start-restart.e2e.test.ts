import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest, scratchDir, startNpmStart, type NpmStartPlatform } from '@shop/testing';

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

/** A platform on its data folder and the number of the last order placed on it. */
interface Running {
  platform: NpmStartPlatform;
  dataDir: string;
  lastOrder: number;
}

// 60 days of demo sales instead of a year: the seed is seconds of CPU per fresh start, and sales are not what this checks.
const start = (dataDir: string) => startNpmStart({ dataDir, readyTimeoutMs: 90_000, env: { DEMO_HISTORY_DAYS: '60' } });

// Each case starts on the data folder the case before it left running (it proved that platform's first order), so
// the two signals take three starts instead of four; a case run alone starts its own fresh folder.
let carried: Running | undefined;
const folders: string[] = [];
afterAll(async () => {
  await carried?.platform.stop();
  for (const dataDir of folders) rmSync(dataDir, { recursive: true, force: true });
});

async function runningWithAnOrder(): Promise<Running> {
  if (carried) {
    const running = carried;
    carried = undefined;
    return running;
  }
  const dataDir = scratchDir('artesanias-restart');
  folders.push(dataDir);
  const platform = await start(dataDir);
  return { platform, dataDir, lastOrder: await placeOrder(platform.gatewayUrl) };
}

// PostgreSQL writes a sequence 32 values ahead to its log; only a clean shutdown (a checkpoint) keeps the value in
// use, so after a killed stop the next order number jumps (ORD-000002, then ORD-000035).
describe.each(['SIGINT', 'SIGTERM'] as const)('npm start stopped with %s, then started again on the same data', (signal) => {
  it('exits 0 after closing its embedded databases: the next order gets the next number', async () => {
    const { platform: first, dataDir, lastOrder: before } = await runningWithAnOrder();
    let second: NpmStartPlatform | undefined;
    try {
      expect(await stopWith(first, signal)).toEqual({ code: 0, signal: null });
      expect(first.output()).toContain('Stopping');
      expect(first.output()).not.toMatch(/Error|ERR!|level":50/);

      second = await start(dataDir);
      const after = await placeOrder(second.gatewayUrl);
      expect(after).toBe(before + 1);
      carried = { platform: second, dataDir, lastOrder: after };
    } finally {
      await first.stop();
      if (!carried) await second?.stop();
    }
  }, 240_000);
});
