import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'workers/*/test/**/*.test.ts', 'supergraph/test/**/*.test.ts', 'web/test/**/*.test.ts'],
    globalSetup: ['./vitest.global-setup.ts'],
    pool: 'forks',
    // Two files at a time: most of a file's time is spent waiting on servers, brokers and browsers, and every file
    // starts its own (free ports, own databases, own RabbitMQ node), so files never share state. Browser files take
    // turns (web/test/support/exclusive.ts). Vitest's default here would be one (available parallelism - 1).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
