import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessEventBus, type DomainEvent } from '@shop/events';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { ticketCreated } from '@shop/support/contract';
import { ticketPrioritized } from '../src/contract.js';
import { assignment } from '../src/worker.js';

// The embedded default (`npm start`) runs PostgreSQL in WASM: the worker's migrations and SQL must work there.
let dataDir: string;
let bus: InProcessEventBus;
let worker: RunningSubgraph<any, any>;
const prioritized: DomainEvent[] = [];
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'assignment-pglite-'));
  bus = new InProcessEventBus(20);
  await bus.broadcast([ticketPrioritized.type], async (event) => void prioritized.push(event));
  worker = await startSubgraph(assignment, { bus, config: { PORT: 0, DATA_DIR: dataDir } });
});
afterAll(async () => {
  await worker?.stop();
  await bus?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the assignment worker on embedded PGlite', () => {
  it('migrates and triages a ticket', async () => {
    const ticketId = randomUUID();
    await bus.publish(ticketCreated.create({
      ticketId, number: 'TKT-000009', orderId: randomUUID(), orderNumber: 'ORD-000009', customerId: randomUUID(), subject: 'URGENTE',
      message: 'My package never arrived', orderTotal: { amountMinor: 100_000_00, currency: 'COP' }, createdAt: new Date().toISOString(),
    }));
    await expect.poll(() => prioritized.length, { timeout: 10_000 }).toBe(1);
    expect(prioritized[0]!.payload).toMatchObject({ ticketId, priority: 'URGENT' });
  });
});
