import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startPlatform, type RunningPlatform } from './platform';
import { prepareStorefront, serveStorefront } from './storefront';
import { launchBrowser } from './browser';
import { api } from './api';
import { holdExclusive } from './exclusive';
import type { RunningStorefront } from '../../server';

const phone = { width: 390, height: 844 };

export interface StorefrontSession {
  readonly platform: RunningPlatform;
  readonly storefront: RunningStorefront;
  /** The graph as a script would call it, beside the browser. */
  readonly shop: ReturnType<typeof api>;
  /** A page in a fresh context (phone-sized unless told otherwise), signed in when given a token. */
  newPage(token?: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** The storefront's address for a path. */
  url(path: string): string;
}

/**
 * What every browser test file needs, started once for the file and stopped after it: the platform exactly as
 * `npm start` runs it, the production storefront on the port the gateway allows (CORS), and apt's Chromium.
 */
export function storefrontSession(options: { env?: Record<string, string> } = {}): StorefrontSession {
  let platform: RunningPlatform | undefined;
  let storefront: RunningStorefront | undefined;
  let browser: Browser | undefined;
  let shop: ReturnType<typeof api> | undefined;
  const contexts: BrowserContext[] = [];
  let release: (() => void) | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the storefront session is used before beforeAll started it');
    return value;
  };

  beforeAll(async () => {
    // One browser file at a time (another may be running in vitest's other worker): up to 6 minutes' wait.
    release = await holdExclusive('artesanias-browser-tests', 360_000);
    // The storefront's build (when its sources changed since the last one) runs while the platform starts.
    [platform] = await Promise.all([startPlatform(options.env), launchBrowser().then((b) => (browser = b)), prepareStorefront()]);
    storefront = await serveStorefront(platform.gatewayUrl, platform.storefrontPort);
    shop = api(platform.gatewayUrl);
    console.log(`storefront ${storefront.url} against ${platform.gatewayUrl}`);
  }, 540_000);

  afterAll(async () => {
    try {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser?.close();
      await storefront?.stop();
      await platform?.stop();
    } finally {
      release?.();
    }
  });

  return {
    get platform() { return started(platform); },
    get storefront() { return started(storefront); },
    get shop() { return started(shop); },
    async newPage(token, viewport = phone) {
      const context = await started(browser).newContext({ viewport, locale: 'es-CO' });
      contexts.push(context);
      if (token) await context.addInitScript((t) => window.localStorage.setItem('artesanias.token', t), token);
      const page = await context.newPage();
      // Generous: CI machines here run several suites at once (load averages above 10 on 2 cores were seen).
      page.setDefaultTimeout(30_000);
      return page;
    },
    url: (path) => new URL(path.replace(/^\//, ''), started(storefront).url).toString(),
  };
}

/** Waits for the UI to reach a value; the timeout is set here so the root vitest config's defaults do not apply. */
export const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });
