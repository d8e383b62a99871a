import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gql } from 'graphql-tag';
import { generateKeyPairPem } from '@shop/auth';
import { baseConfig } from '@shop/kernel';
import { SERVICE_NAMES } from '@shop/platform';
import { startSubgraphServer } from '@shop/server';
import { schemaDir, startGateway } from '../../src/index.js';
import { startTestPlatform } from '../support/platform.js';

/** Where each service of the embedded start listens: this machine only unless HOST says otherwise. */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;

/** An address of this machine that other machines reach (none in some sandboxes: those checks are then skipped). */
const outside = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

const reachable = (host: string, port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.once('timeout', () => (socket.destroy(), done(false)));
  });

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'));
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

describe('listen address', () => {
  it('reads HOST as 127.0.0.1 unless configured, for every service of the kernel', () => {
    expect(baseConfig('users', 4001).parse({}).HOST).toBe('127.0.0.1');
    expect(baseConfig('users', 4001).parse({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('binds the gateway and every service of the embedded start to 127.0.0.1 only', async () => {
    const ports = Object.entries(platform.servers).map(([name, server]) => [name, server.port] as const);
    expect(ports).toHaveLength(1 + SERVICE_NAMES.length);
    for (const [name, port] of ports) {
      expect(await reachable('127.0.0.1', port), `${name} on loopback`).toBe(true);
      if (outside) expect(await reachable(outside, port), `${name} on ${outside}`).toBe(false);
    }
  });

  it.skipIf(!outside)('honours HOST=0.0.0.0 for a subgraph server and the gateway (containers)', async () => {
    const subgraph = await startSubgraphServer(
      { name: 'edge', typeDefs: gql`type Query { ok: Boolean }`, resolvers: { Query: { ok: () => true } }, verifier: { verify: async () => null } as never, context: () => ({}) },
      0,
      '0.0.0.0',
    );
    const gateway = await startGateway({
      port: 0,
      host: '0.0.0.0',
      supergraphSdl: readFileSync(`${schemaDir}supergraph.graphql`, 'utf8'),
      subgraphUrls: {},
      tokenVerification: { publicKeyPem: (await generateKeyPairPem()).publicKeyPem },
    });
    try {
      expect(await reachable(outside!, subgraph.port)).toBe(true);
      expect(await reachable(outside!, gateway.port)).toBe(true);
    } finally {
      await subgraph.stop();
      await gateway.stop();
    }
  });
});
