import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateKeyPairPem } from '@shop/auth';
import { schemaDir } from '../src/compose.js';
import { startGateway } from '../src/gateway.js';
import { launchBrowser, screenshot, watchErrors } from '../../web/test/support/browser.js';
import { startTestPlatform } from './support/platform.js';

let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let origin: string;

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'));
  origin = new URL(platform.gatewayUrl).origin;
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

const EXTERNAL_URL = /https?:\/\/|\/\/[a-z0-9-]+\.[a-z]/i;

describe('GraphiQL served by the gateway (development)', () => {
  it('is a page whose scripts and styles all come from the gateway, and name no outside address', async () => {
    const page = await fetch(`${origin}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(EXTERNAL_URL);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(['data:,', '/graphiql/assets/graphiql.css', '/graphiql/assets/react.js', '/graphiql/assets/react-dom.js', '/graphiql/assets/graphiql.js', '/graphiql/assets/start.js']);
    for (const asset of assets.slice(1)) {
      const response = await fetch(`${origin}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('content-type'), asset).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      const body = await response.text();
      expect(body.length, asset).toBeGreaterThan(asset.endsWith('start.js') ? 50 : 1000);
      // The stylesheet and the starter load nothing from elsewhere (no @import or url() of another host); the bundles
      // only mention addresses in comments and links, so the browser test below proves what they fetch.
      if (asset.endsWith('.css') || asset.endsWith('start.js')) expect(body, asset).not.toMatch(EXTERNAL_URL);
    }
    expect((await fetch(`${origin}/graphiql/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${origin}/graphiql/assets/graphiql.min.js.map`)).status).toBe(404);
  });

  it('runs a query in Chromium through CSRF prevention and CORS, and the browser asks nothing of any other host', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(`${origin}/graphiql`);
      // GraphiQL introspects the schema on load: the documentation explorer then lists the root types.
      await page.getByRole('button', { name: /show documentation explorer/i }).click();
      await page.getByText('Query', { exact: true }).first().waitFor({ timeout: 20_000 });

      await page.locator('.graphiql-query-editor .CodeMirror').first().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('{ categories { name } }');
      await page.keyboard.press('Control+Enter');
      await page.locator('.result-window').getByText('"categories"').waitFor({ timeout: 20_000 });
      const result = await page.locator('.result-window').innerText();
      expect(result).not.toMatch(/"errors"/);
      await screenshot(page, 'graphiql');

      expect(errors).toEqual([]);
      expect(requested.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
      expect(requested).toEqual(expect.arrayContaining([`${origin}/graphiql/assets/graphiql.js`, platform.gatewayUrl.replace('127.0.0.1', new URL(origin).hostname)]));
    } finally {
      await browser.close();
    }
  }, 90_000);

  it('is not served in production', async () => {
    const { publicKeyPem } = await generateKeyPairPem();
    const gateway = await startGateway({
      port: 0,
      supergraphSdl: readFileSync(`${schemaDir}supergraph.graphql`, 'utf8'),
      subgraphUrls: {},
      tokenVerification: { publicKeyPem },
      development: false,
    });
    try {
      expect((await fetch(gateway.url.replace('/graphql', '/graphiql'))).status).toBe(404);
      expect((await fetch(gateway.url.replace('/graphql', '/graphiql/assets/graphiql.js'))).status).toBe(404);
    } finally {
      await gateway.stop();
    }
  });
});
