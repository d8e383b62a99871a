import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairPem } from '@shop/auth';
import { startFederationSubgraphs, type FederationSubgraphs } from '../../../bench/federation/subgraphs.js';
import { EXPECTED_RESPONSE_BODY, TEST_QUERY_BODY } from '../../../bench/federation/test-query.js';
import { parseGatewayArguments } from '../../src/cli/arguments.js';
import { gatewayFromCommandLine } from '../../src/cli/gateway-command.js';
import { DEDUP_MODES } from '../../src/deduplication.js';
import type { RunningGateway } from '../../src/gateway.js';

/**
 * The federation bench's check, fast: The Guild's TestQuery through this gateway, started as `npm run gateway --
 * --supergraph <file> --dedup <mode>` over the bench's subgraphs, answers the expected response byte for byte, alone
 * and when 10 identical queries are in flight at once (what deduplication shares). The environment is the bench's.
 */
let subgraphs: FederationSubgraphs;
let publicKeyPem: string;

beforeAll(async () => {
  subgraphs = await startFederationSubgraphs({ inProcess: true });
  publicKeyPem = (await generateKeyPairPem()).publicKeyPem;
}, 60_000);

afterAll(async () => {
  await subgraphs?.stop();
});

const testQuery = async (url: string) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: TEST_QUERY_BODY });
  return { status: res.status, body: (await res.text()).replace(/\n$/, '') };
};

describe.each(DEDUP_MODES)('the TestQuery with --dedup %s', (mode) => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    const args = parseGatewayArguments(['--supergraph', subgraphs.supergraphPath, '--port', '0', '--dedup', mode]);
    gateway = await gatewayFromCommandLine(args, { JWT_PUBLIC_KEY: publicKeyPem, NODE_ENV: 'production', RATE_LIMIT: 'off', GRAPHQL_MAX_COST: '10000000' });
  }, 60_000);
  afterAll(async () => {
    await gateway?.stop();
  });

  it('answers the expected response byte for byte, alone and 10 at once', async () => {
    expect(await testQuery(gateway.url)).toEqual({ status: 200, body: EXPECTED_RESPONSE_BODY });
    const answers = await Promise.all(Array.from({ length: 10 }, () => testQuery(gateway.url)));
    expect(answers.filter((a) => a.status !== 200 || a.body !== EXPECTED_RESPONSE_BODY)).toEqual([]);
  });

  it('sends the entity fetches of one plan step to a subgraph as one request', async () => {
    await subgraphs.resetRequests();
    expect(await testQuery(gateway.url)).toEqual({ status: 200, body: EXPECTED_RESPONSE_BODY });
    const requests = Object.values(await subgraphs.requests()).reduce((sum, n) => sum + n, 0);
    // The plan has 16 fetches and 13 steps of fetches per subgraph (two branches of 6 and 7): at most one request per
    // step, fewer when the branches' steps fall in the same turn of the event loop.
    expect(requests).toBeLessThanOrEqual(13);
  });
});
