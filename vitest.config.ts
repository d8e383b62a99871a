import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const shared = {
  globalSetup: ['./vitest.global-setup.ts'],
  pool: 'forks' as const,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  env: { NODE_ENV: 'test' },
};

const BROWSER = 'web/test/**/*.browser.test.ts';

/**
 * Two files at a time, never two browser files (npm start, the storefront and Chromium) together. Most of a
 * file's time is spent waiting on servers, brokers and browsers, and every file starts its own (free ports, own
 * databases, own RabbitMQ node), so files never share state; two browser files at once starved each other's pages
 * past their 30 s waits on 2 cores. Vitest's default here would be one file (available parallelism - 1).
 */
const project = (name: string, include: string[], exclude: string[] = []): TestProjectInlineConfiguration => ({
  test: { name, include, exclude, maxWorkers: 1, ...shared },
});

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      // The other files in two halves of about equal time, so two run at once when no browser file is left.
      project('services', ['packages/*/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'workers/*/test/**/*.test.ts']),
      project('platform', ['supergraph/test/**/*.test.ts', 'web/test/**/*.test.ts'], [BROWSER]),
      project('browser', [BROWSER]),
    ],
  },
});
