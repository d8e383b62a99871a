/**
 * Takes docs/images/seller-dashboard.png: the seller dashboard of the demo store's first seller (Taller Wayuu
 * Uribia), over the last 12 months by week, in apt's Chromium at desktop width.
 *
 *   npx tsx web/scripts/screenshot-dashboard.ts
 *       starts the platform as `npm start` does (spare ports, a fresh data folder, the demo seed) and the
 *       production storefront, takes the picture, stops both
 *   npx tsx web/scripts/screenshot-dashboard.ts --storefront http://localhost:5173/ --gateway http://localhost:4000/graphql
 *       uses a platform already running (its own storefront, which its gateway allows)
 *   --out <file>   writes elsewhere
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { rangeOf } from '../src/lib/analytics.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { startPlatform } from '../test/support/platform.ts';
import { serveStorefront } from '../test/support/storefront.ts';

const { values } = parseArgs({
  options: {
    storefront: { type: 'string' },
    gateway: { type: 'string' },
    out: { type: 'string', default: fileURLToPath(new URL('../../docs/images/seller-dashboard.png', import.meta.url)) },
  },
});

const stops: (() => Promise<void>)[] = [];
try {
  let storefrontUrl = values.storefront;
  let gatewayUrl = values.gateway;
  if (!storefrontUrl || !gatewayUrl) {
    const platform = await startPlatform();
    stops.push(() => platform.stop());
    const storefront = await serveStorefront(platform.gatewayUrl, platform.storefrontPort);
    stops.push(() => storefront.stop());
    storefrontUrl = storefront.url;
    gatewayUrl = platform.gatewayUrl;
  }
  const seller = demo.sellers[0];
  const login = await graphqlRequest<{ login: { token: string | null } }>(gatewayUrl, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: seller.email, p: seller.password });
  const token = login.data?.login.token;
  if (!token) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);

  // The forecast of the best seller (the dashboard's first pick) exists once the first forecast batch has run.
  const range = rangeOf('12m');
  const best = await graphqlRequest<{ salesReport: { topProducts: { product: { id: string } }[] } }>(gatewayUrl, `query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to) { topProducts(first: 1) { product { id } } } }`, range, token);
  const bestId = best.data?.salesReport.topProducts[0]?.product.id;
  if (!bestId) throw new Error(`no best seller: ${JSON.stringify(best.errors)}`);
  for (let waited = 0; ; waited += 2000) {
    const forecast = await graphqlRequest<{ demandForecast: { days: number } | null }>(gatewayUrl, `query($p: ID!) { demandForecast(productId: $p) { days } }`, { p: bestId }, token);
    if (forecast.data?.demandForecast) break;
    if (waited > 300_000) throw new Error(`no forecast after 5 minutes: ${JSON.stringify(forecast.errors)}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }

  const browser = await launchBrowser();
  stops.unshift(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-CO', deviceScaleFactor: 1 });
  await context.addInitScript((t) => window.localStorage.setItem('artesanias.token', t), token);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(new URL('seller/dashboard?rango=12m&por=WEEK', storefrontUrl).toString());
  // Every chart drawn (an error or empty state instead would make a picture of nothing).
  for (const testId of ['sales-chart', 'forecast-chart', 'stock-cover']) await page.locator(`[data-testid="${testId}"] .recharts-surface`).first().waitFor();
  await page.waitForLoadState('networkidle');
  mkdirSync(dirname(values.out!), { recursive: true });
  await page.screenshot({ path: values.out!, fullPage: true });
  console.log(`wrote ${values.out}`);
} finally {
  for (const stop of stops) await stop().catch((error: unknown) => console.error(error));
}
