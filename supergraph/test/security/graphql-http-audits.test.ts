import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serverAudits, type Audit } from 'graphql-http';
import { startTestPlatform } from '../support/platform.js';

/**
 * GraphQL over HTTP conformance: every audit of graphql-http's serverAudits against the gateway with its production
 * settings, except introspection, which the audits use as a probe (`__type(name:)`); a warning fails as an error does.
 */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'), { development: false, operationLimits: { introspection: true } });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

const audits: Audit[] = serverAudits({ url: () => platform.gatewayUrl, fetchFn: fetch });

describe('graphql-http server audits against the gateway', () => {
  it.each(audits.map((audit) => [`${audit.id} ${audit.name}`, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    const detail = result.status === 'ok' ? '' : `${result.reason}${'response' in result ? ` (${result.response.status} ${await result.response.clone().text().catch(() => '')})` : ''}`;
    expect({ status: result.status, detail }).toEqual({ status: 'ok', detail: '' });
  });
});
