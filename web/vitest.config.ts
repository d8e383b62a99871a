import { defineConfig } from 'vitest/config';

/** Browser tests: each file starts the platform (npm start) and the storefront, so they run one at a time. */
export default defineConfig({
  test: {
    include: ['web/test/**/*.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The UI answers within a request or two; a subscription event may take a moment longer.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    env: { NODE_ENV: 'test' },
  },
});
