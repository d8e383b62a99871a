/**
 * The demand forecast batch over the demo catalog (budget: the whole batch under 120 s on the 2-core machine).
 * Every demo product gets a deterministic year of synthetic daily sales (weekly and yearly seasonality, a trend,
 * noise; levels from 1 to 30 units a day), written to analytics' sales_daily in an in-memory PGlite database (or
 * the PostgreSQL of --database-url), and categories are their products' sums, as the batch reads them.
 *
 * Part 1, per model side by side on the same series (interleaved, so load falls on all alike): the wall time of a
 * back-test fit (a year less 28 days, forecasting 28) plus a full fit forecasting 90 days, as a ratio to
 * seasonal-naive's, and each model's back-test accuracy (mean sMAPE and MAPE, and its ratio to the baseline's).
 * Part 2: runForecastBatch itself (back-test of every model, refit of the chosen one, storing), with wall time,
 * series count, the models chosen, and peak RSS and heap. Writes bench/results/forecast.md.
 *
 * Run: npm run bench:forecast [-- --database-url postgres://… --budget-s 120]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Writable } from 'node:stream';
import { createLogger } from '@shop/common';
import { openDatabase } from '@shop/db';
import { demo } from '@shop/demo-store';
import { productFacts, salesDaily, schema } from '../subgraphs/analytics/src/db/schema.js';
import {
  addDays, allModels, backtestWindow, dayToMs, forecastSeries, loadAugurs, loadSeries, mape, runForecastBatch, smape, syntheticDemand,
  type ModelName,
} from '../subgraphs/analytics/src/forecasting/index.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'budget-s': { type: 'string', default: '120' },
    days: { type: 'string', default: '365' },
  },
});
const budgetS = Number(values['budget-s']);
const historyDays = Number(values.days);
const LAST_DAY = '2026-11-30';
const FIRST_DAY = addDays(LAST_DAY, 1 - historyDays);
const HORIZON = 90;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

// Peak memory: sampled while the work runs (the batch yields between series), and the OS's max RSS at the end.
let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};
const sampler = setInterval(sample, 25);

console.log(`load average at start: ${load()} (${cpus().length} cores)`);
const opened = await openDatabase({
  url: values['database-url'], schema, maxConnections: 4,
  migrationsFolder: fileURLToPath(new URL('../subgraphs/analytics/src/db/migrations', import.meta.url)),
});
const db = opened.db;
try {
  await db.delete(salesDaily);
  await db.delete(productFacts);
  await db.insert(productFacts).values(demo.products.map((p) => ({
    productId: p.id, sellerId: p.sellerId, categoryId: p.categoryId, name: p.name, priceMinor: Number(p.priceMinor), currency: p.currency, updatedAt: new Date(),
  })));
  for (const [i, p] of demo.products.entries()) {
    const level = 1 + ((i * 7) % 30); // 1..30 units a day, spread over the catalog
    const units = syntheticDemand({ days: historyDays, seed: 1000 + i, level, firstDay: FIRST_DAY, noise: 0.15 });
    const rows = units.flatMap((u, d) => u === 0 ? [] : [{
      day: addDays(FIRST_DAY, d), productId: p.id, sellerId: p.sellerId, categoryId: p.categoryId,
      units: u, orders: u, revenueMinor: u * Number(p.priceMinor), currency: p.currency,
    }]);
    for (let s = 0; s < rows.length; s += 500) await db.insert(salesDaily).values(rows.slice(s, s + 500));
  }
  const rssAt: [string, number][] = [['history loaded', process.memoryUsage().rss]];
  const series = await loadSeries(db, LAST_DAY);
  console.log(`${series.length} series (${demo.products.length} products, ${series.length - demo.products.length} categories), ${historyDays} days each`);

  // Part 1: each model on every series, side by side.
  const models = allModels(await loadAugurs());
  const names = models.map((m) => m.name);
  const ms = Object.fromEntries(names.map((n) => [n, 0])) as Record<ModelName, number>;
  const smapes = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<ModelName, number[]>;
  const mapes = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<ModelName, number[]>;
  for (const s of series) {
    const window = backtestWindow(s.units.length);
    const train = s.units.slice(0, s.units.length - window);
    const actual = s.units.slice(s.units.length - window);
    const firstDay = dayToMs(s.firstDay);
    for (const model of models) {
      const started = performance.now();
      const backtest = model.forecast(train, firstDay, window).expected.map((e) => Math.max(0, e));
      model.forecast(s.units, firstDay, HORIZON);
      ms[model.name] += performance.now() - started;
      smapes[model.name].push(smape(actual, backtest));
      const m = mape(actual, backtest);
      if (m !== null) mapes[model.name].push(m);
    }
  }
  rssAt.push(['models compared', process.memoryUsage().rss]);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const base = { ms: ms['seasonal-naive'], smape: mean(smapes['seasonal-naive']), mape: mean(mapes['seasonal-naive']) };

  // Part 2: the batch itself.
  const logger = createLogger('bench', new Writable({ write: (_c, _e, done) => done() }));
  const started = performance.now();
  const result = await runForecastBatch(db, { logger, lastDay: LAST_DAY, days: HORIZON });
  const batchS = (performance.now() - started) / 1000;
  sample();
  clearInterval(sampler);
  rssAt.push(['batch done', process.memoryUsage().rss]);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  peakRss = Math.max(peakRss, maxRss);

  // A check that the engine's choice on one series agrees with Part 1's scores (same code path, no drift).
  const check = forecastSeries(series[0]!, { horizon: HORIZON, models });

  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  const timeRows = names.map((n) => `| ${n} | ${(ms[n] / 1000).toFixed(2)} s | ${(ms[n] / series.length).toFixed(1)} ms | ${base.ms > 0 ? (ms[n] / base.ms).toFixed(0) : '–'}× |`);
  const accuracyRows = names.map((n) => {
    const s = mean(smapes[n]);
    const m = mean(mapes[n]);
    return `| ${n} | ${s.toFixed(3)} | ${(s / base.smape).toFixed(2)} | ${m.toFixed(3)} | ${(m / base.mape).toFixed(2)} | ${result.chosen[n] ?? 0} |`;
  });
  const within = batchS <= budgetS;
  const report = [
    '# Demand forecast batch over the demo catalog',
    '',
    `${series.length} series (${demo.products.length} products and their ${series.length - demo.products.length} categories), ${historyDays} days of deterministic synthetic history each, ${HORIZON}-day horizon, 28-day back-test window. ${cpus().length} cores, load average ${load()} at the end, Node ${process.version}, database ${values['database-url'] ? 'PostgreSQL' : 'PGlite (in memory)'}.`,
    '',
    '## Time per model (back-test fit + full fit, every series, side by side)',
    '',
    '| model | total | per series | vs seasonal-naive |',
    '| --- | --- | --- | --- |',
    ...timeRows,
    '',
    '## Back-test accuracy per model (mean over the series; ratios against seasonal-naive, lower is better)',
    '',
    '| model | mean sMAPE | vs baseline | mean MAPE | vs baseline | chosen for series |',
    '| --- | --- | --- | --- | --- | --- |',
    ...accuracyRows,
    '',
    '## The batch (runForecastBatch: every model back-tested, the best refit, stored)',
    '',
    '| series | done | failed | wall time | budget | peak RSS | peak heap |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| ${result.seriesTotal} | ${result.seriesDone} | ${result.seriesFailed} | ${batchS.toFixed(1)} s | ${budgetS} s (${within ? 'within' : 'OVER'}) | ${mb(peakRss)} | ${mb(peakHeap)} |`,
    '',
    `RSS along the way: ${rssAt.map(([k, v]) => `${k} ${mb(v)}`).join(', ')} (the database${values['database-url'] ? "'s client" : ', PGlite, is WASM in this process'}; augurs' WASM memories grow to their largest fit and stay).`,
    '',
    `Inside the batch, per model: ${Object.entries(result.modelMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}. First series chose ${check.model}.`,
    '',
  ].join('\n');
  console.log(report);
  const out = new URL('./results/forecast.md', import.meta.url);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(out, report);
  console.log(`written to ${fileURLToPath(out)}`);
  if (!within) process.exitCode = 1;
} finally {
  clearInterval(sampler);
  await opened.close();
}
