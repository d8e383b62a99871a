import { defineConfig } from 'drizzle-kit';

// The outbox and inbox as a subgraph would migrate them, plus the tests' effects table.
export default defineConfig({ dialect: 'postgresql', schema: './test/schema.ts', out: './test/migrations' });
