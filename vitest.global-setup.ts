import 'vitest';
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from '@shop/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One real PostgreSQL cluster for the whole run (TEST_DATABASE_URL wins); each test file creates its own databases on it. */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('databaseUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const server = await startPostgresServer();
  project.provide('databaseUrl', server.url);
  return () => server.stop();
}
