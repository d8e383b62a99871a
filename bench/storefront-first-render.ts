/**
 * Catalog first render for new visitors (budget: under 1 s on localhost). Starts the platform as `npm start` does,
 * serving the storefront's production build (WEB_MODE=static, built first), and opens the catalog in apt's chromium
 * for N visitors, each in a fresh browser context (empty cache, no preflight cache, no session).
 *
 * Per visitor it records navigation-to-first-product-card (a MutationObserver installed before any page script
 * notes when the first card enters the DOM), first-contentful-paint, the JS transferred before that card, the
 * browser main thread's busy time (CPU work, less sensitive to machine load than wall time) and the waterfall
 * (HTML, JS, catalog query). Side by side, interleaved with the catalog visitors, a baseline visitor opens the same
 * app on a route that needs no data (the not-found page: same HTML and JS, no GraphQL), so the ratio shows what the
 * catalog costs over the app shell under the same load. Reports median and p95; asserts nothing.
 *
 * Run: npm run bench:storefront [-- --visitors 20 --no-build]
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { print } from 'graphql';
import { chromium, type Browser } from 'playwright-core';
import { startNpmStart } from '@shop/testing';
import { CatalogDocument } from '../web/src/gql/graphql.js';

const { values } = parseArgs({
  options: {
    visitors: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
  },
});
const visitors = Number(values.visitors);
const repoRoot = new URL('../', import.meta.url).pathname;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

if (!values['no-build']) execFileSync('npm', ['run', 'build', '-w', '@shop/web'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });

console.log(`load average at start: ${load()} (${cpus().length} cores)`);
process.env.WEB_MODE = 'static'; // startNpmStart passes the environment on to `npm start`
const platform = await startNpmStart({ web: true });
let browser: Browser | undefined;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const storefrontUrl = platform.storefrontUrl!;
  const catalog = { name: 'catalog', path: '/', selector: '[data-testid="product-card"]' };
  const shell = { name: 'shell (no data)', path: '/bench-no-such-page', selector: 'main h1' };

  const visit = async (target: typeof catalog) => measureVisit(browser!, new URL(target.path, storefrontUrl).toString(), target.selector, platform.gatewayUrl);
  // Warm the server (query plans, database pages, JIT): the budget is about a new visitor, not the first one after a start.
  for (let i = 0; i < Number(values.warmup); i++) await Promise.all([visit(catalog), visit(shell)].map((p) => p.catch(() => undefined)));

  const results = { catalog: [] as Visit[], shell: [] as Visit[] };
  for (let i = 0; i < visitors; i++) {
    // Alternate which goes first so neither always gets the quieter moment.
    const order = i % 2 ? [shell, catalog] : [catalog, shell];
    for (const target of order) results[target === catalog ? 'catalog' : 'shell'].push(await visit(target));
  }

  const serverMs = await catalogQueryServerTime(platform.gatewayUrl, 30);
  report(results, serverMs);
} finally {
  await browser?.close();
  await platform.stop();
}
console.log(`load average at end: ${load()}`);

interface Visit {
  /** Navigation start to the first element matching the selector entering the DOM. */
  firstElementMs: number;
  /** Navigation start to the app's first render (its <main> in the DOM). */
  appMountedMs: number;
  firstContentfulPaintMs: number;
  jsTransferredBytes: number;
  jsRequests: number;
  /** Main-thread task time (script, style, layout) up to the measurement: CPU work, not waiting. */
  mainThreadMs: number;
  htmlEndMs: number;
  jsEndMs: number;
  /** The first POST to the gateway: when it started and when its answer was in. -1 when none. */
  queryStartMs: number;
  queryEndMs: number;
  /** Catalog queries POSTed by the time of the measurement (the prefetch must not add one). */
  graphqlPosts: number;
}

async function measureVisit(browser: Browser, url: string, selector: string, gatewayUrl: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-CO' });
  try {
    // tsx compiles this file with keepNames, which wraps the page functions' inner functions in __name().
    await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    await context.addInitScript((sel: string) => {
      // When the app first rendered anything (its <main>), and when the awaited element first appeared.
      const w = window as unknown as { __appMounted: Promise<number>; __firstElement: Promise<number> };
      const appear = (query: string) =>
        new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!document.querySelector(query)) return;
            resolve(performance.now());
            observer.disconnect();
          });
          observer.observe(document, { childList: true, subtree: true });
        });
      w.__appMounted = appear('main');
      w.__firstElement = appear(sel);
    }, selector);
    const page = await context.newPage();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(gatewayUrl) && request.method() === 'POST') posts.push(request.postDataJSON()?.operationName ?? '?');
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'commit' });
    const timing = await page.evaluate(async (gateway: string) => {
      const w = window as unknown as { __appMounted: Promise<number>; __firstElement: Promise<number> };
      const [appMountedMs, firstElementMs] = await Promise.all([w.__appMounted, w.__firstElement]);
      // FCP may be painted just after the element was inserted: wait for it (bounded).
      const fcp = await new Promise<number>((resolve) => {
        const found = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        if (found() !== undefined) return resolve(found()!);
        new PerformanceObserver(() => found() !== undefined && resolve(found()!)).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(-1), 5000);
      });
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const js = resources.filter((r) => new URL(r.name).pathname.endsWith('.js') && r.startTime < firstElementMs);
      const query = resources.find((r) => r.name.startsWith(gateway) && (r.initiatorType === 'fetch' || r.initiatorType === 'xmlhttprequest'));
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        firstElementMs,
        appMountedMs,
        firstContentfulPaintMs: fcp,
        jsTransferredBytes: js.reduce((sum, r) => sum + r.transferSize, 0),
        jsRequests: js.length,
        htmlEndMs: navigation.responseEnd,
        jsEndMs: Math.max(0, ...js.map((r) => r.responseEnd)),
        queryStartMs: query?.startTime ?? -1,
        queryEndMs: query?.responseEnd ?? -1,
      };
    }, gatewayUrl);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const mainThreadMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    return { ...timing, mainThreadMs, graphqlPosts: posts.filter((name) => name === 'Catalog').length };
  } finally {
    await context.close();
  }
}

/** The catalog query's time through the gateway as the page sends it (server warm, no browser), for the waterfall. */
async function catalogQueryServerTime(gatewayUrl: string, runs: number): Promise<number[]> {
  const body = JSON.stringify({ operationName: 'Catalog', query: print(CatalogDocument), variables: { first: 12, after: null, filter: {}, sort: 'NEWEST' } });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await response.json()) as { errors?: unknown };
    if (json.errors) throw new Error(`Catalog query failed: ${JSON.stringify(json.errors)}`);
    times.push(performance.now() - t0);
  }
  return times;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function report(results: { catalog: Visit[]; shell: Visit[] }, serverMs: number[]) {
  const ms = (v: number) => `${Math.round(v)} ms`;
  const kb = (v: number) => `${(v / 1024).toFixed(1)} KB`;
  const rows: [label: string, pick: (v: Visit) => number, format: (v: number) => string][] = [
    ['navigation -> first element', (v) => v.firstElementMs, ms],
    ['first-contentful-paint', (v) => v.firstContentfulPaintMs, ms],
    ['JS transferred', (v) => v.jsTransferredBytes, kb],
    ['JS requests', (v) => v.jsRequests, String],
    ['main-thread busy (CPU)', (v) => v.mainThreadMs, ms],
    ['HTML in', (v) => v.htmlEndMs, ms],
    ['JS in', (v) => v.jsEndMs, ms],
    ['app first rendered', (v) => v.appMountedMs, ms],
    ['Catalog POSTs', (v) => v.graphqlPosts, String],
    ['catalog query sent', (v) => v.queryStartMs, ms],
    ['catalog query answered', (v) => v.queryEndMs, ms],
  ];
  console.log(`\nCatalog first render, ${results.catalog.length} new visitors (fresh browser context each), budget 1000 ms`);
  const header = ['', 'catalog median', 'catalog p95', 'shell median', 'shell p95', 'ratio (median)'];
  const table = rows.map(([label, pick, format]) => {
    const c = results.catalog.map(pick);
    const s = results.shell.map(pick);
    const [cm, cp, sm, sp] = [percentile(c, 50), percentile(c, 95), percentile(s, 50), percentile(s, 95)];
    const noShellValue = /^catalog query|^Catalog/.test(label);
    return [label, format(cm), format(cp), noShellValue ? '-' : format(sm), noShellValue ? '-' : format(sp), noShellValue || !sm ? '-' : (cm / sm).toFixed(2)];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...table].map((row) => row[i]!.length)));
  for (const row of [header, ...table]) console.log(row.map((cell, i) => (i ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  '));
  const firstCard = results.catalog.map((v) => v.firstElementMs);
  const within = firstCard.filter((v) => v < 1000).length;
  console.log(`\n${within}/${firstCard.length} visitors saw the first product card within 1 s.`);
  console.log(`Catalog query through the gateway from Node (no browser): median ${ms(percentile(serverMs, 50))}, p95 ${ms(percentile(serverMs, 95))}`);
}
