/**
 * Takes docs/images/storefront.png: the catalog's first screen as a new visitor sees it (the demo store's products
 * with their photographs), in apt's Chromium at desktop width.
 *
 *   npx tsx web/scripts/screenshot-storefront.ts
 *       starts the platform as `npm start` does (spare ports, a fresh data folder, the demo seed) and the
 *       production storefront, takes the picture, stops both
 *   npx tsx web/scripts/screenshot-storefront.ts --storefront http://localhost:5173/
 *       uses a platform already running with its own storefront
 *   --out <file>   writes elsewhere
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../test/support/browser.ts';
import { startPlatform } from '../test/support/platform.ts';
import { serveStorefront } from '../test/support/storefront.ts';

const { values } = parseArgs({
  options: {
    storefront: { type: 'string' },
    out: { type: 'string', default: fileURLToPath(new URL('../../docs/images/storefront.png', import.meta.url)) },
  },
});

const stops: (() => Promise<void>)[] = [];
try {
  let storefrontUrl = values.storefront;
  if (!storefrontUrl) {
    const platform = await startPlatform();
    stops.push(() => platform.stop());
    const storefront = await serveStorefront(platform.gatewayUrl, platform.storefrontPort);
    stops.push(() => storefront.stop());
    storefrontUrl = storefront.url;
  }
  const browser = await launchBrowser();
  stops.unshift(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-CO', deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(storefrontUrl);
  await page.getByTestId('product-card').first().waitFor();
  // Every photo on the first screen decoded (a half-loaded grid, or letter tiles, would make a picture of nothing).
  await page.waitForFunction(() => {
    const onScreen = [...document.querySelectorAll<HTMLImageElement>('[data-testid="product-card"] img')].filter((img) => img.getBoundingClientRect().top < window.innerHeight);
    return onScreen.length > 0 && onScreen.every((img) => img.complete && img.naturalWidth > 0);
  });
  await page.waitForLoadState('networkidle');
  mkdirSync(dirname(values.out!), { recursive: true });
  await page.screenshot({ path: values.out! });
  console.log(`wrote ${values.out}`);
} finally {
  for (const stop of stops) await stop().catch((error: unknown) => console.error(error));
}
