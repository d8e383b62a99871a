import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateKeyPairPem, processServiceSecret } from '@shop/auth';
import { openDatabase, type Database } from '@shop/db';
import { demo } from '@shop/demo-store';
import { createTestDatabase, freePort } from '@shop/testing';
import { schema, type InventorySchema } from '../src/db/schema.js';
import { seedDemoInventory } from '../src/domain/seed.js';
import { migrationsFolder } from './support/harness.js';
import { inMinutes, reserveOver, stockProduct, totalsOf } from './support/reservations.js';

// Two inventory replicas as separate OS processes (platform/src/serve.ts inventory with DATABASE_URL), as in production.
const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const children: ChildProcess[] = [];
const urls: { url: string }[] = [];
let database: { url: string; drop(): Promise<void> };
let direct: { db: Database<InventorySchema>; close(): Promise<void> };

async function startReplica(databaseUrl: string, publicKeyPem: string): Promise<{ url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'platform/src/serve.ts', 'inventory'], {
    cwd: repositoryRoot,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, JWT_PUBLIC_KEY: publicKeyPem, SEED_DEMO: 'false', LOG_LEVEL: 'error', SERVICE_SECRET: processServiceSecret() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`replica exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/ready`).then((r) => r.ok, () => false);
    if (ready) return { url: `${base}/graphql` };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('replica did not become ready');
}

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseUrl'), 'inventory_processes');
  // Migrated and seeded once here, so the replicas' own migrate step finds nothing to do.
  direct = await openDatabase({ url: database.url, schema, migrationsFolder, maxConnections: 2 });
  await seedDemoInventory(direct.db);
  const { publicKeyPem } = await generateKeyPairPem();
  urls.push(...(await Promise.all([startReplica(database.url, publicKeyPem), startReplica(database.url, publicKeyPem)])));
}, 60_000);

afterAll(async () => {
  await Promise.all(
    children.map((child) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))))),
  );
  await direct?.close();
  await database?.drop();
});

describe('two inventory processes over one database', () => {
  it('never reserves more than on hand under 200 concurrent reservations split between them', async () => {
    const productId = await stockProduct(direct.db, { [demo.warehouses[0]!.id]: 50 });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => reserveOver(urls[i % 2]!, { reservationId: randomUUID(), lines: [{ productId, quantity: 1 }], expiresAt: inMinutes(15) })),
    );
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(50);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(150);
    expect(await totalsOf(direct.db, productId)).toEqual({ onHand: 50, reserved: 50, minAvailable: 0 });
  });
});
