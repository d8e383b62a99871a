import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { createOperationLimits, DEFAULT_OPERATION_LIMITS, operationCost } from '../../src/operation-limits.js';
import { graphql } from '../../src/subscriptions/graphql-runtime.js';
import { startTestPlatform } from '../support/platform.js';

/**
 * Operation limits and the errors a client can cause, against the gateway with its production settings
 * (introspection off, suggestions hidden): each limit just under and just over, each code with its HTTP status,
 * and no answer that shows an internal address, a library's parse message or a stack.
 */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
const bodies: string[] = [];
const limits = DEFAULT_OPERATION_LIMITS;

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'), { development: false });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  code: string | undefined;
}

async function send(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  bodies.push(text);
  const parsed = JSON.parse(text);
  return { status: response.status, body: parsed, code: parsed.errors?.[0]?.extensions?.code };
}

const query = (text: string, variables?: Record<string, unknown>) => send({ query: text, variables });

async function expectServed(text: string, variables?: Record<string, unknown>) {
  const answer = await query(text, variables);
  expect(answer.body.errors, JSON.stringify(answer.body)).toBeUndefined();
  expect(answer.status).toBe(200);
}

async function expectRefused(text: string, code: string, variables?: Record<string, unknown>) {
  const answer = await query(text, variables);
  expect({ status: answer.status, code: answer.code, data: answer.body.data }, JSON.stringify(answer.body)).toEqual({ status: 400, code, data: undefined });
  return answer;
}

/** products > edges > node > seller > … nested until `levels` fields deep, ending on a scalar. */
function nestedTo(levels: number): string {
  const cycle = ['products(first: 1)', 'edges', 'node', 'seller'];
  const fields = Array.from({ length: levels - 1 }, (_, i) => cycle[i % cycle.length]!);
  return `{ ${fields.map((f) => `${f} { `).join('')}id${' }'.repeat(fields.length)} }`;
}

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
const rootFields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `r${i}: categories { id }`).join(' ')} }`;
const directives = (n: number) => `{ ${'... @include(if: true) { __typename } '.repeat(n)}}`;
/** Exactly n tokens: 7 to open, n - 11 × `id`, 4 to close. */
const tokens = (n: number) => `{ products { edges { node { ${'id '.repeat(n - 11)}} } } }`;
/** Cost 402 + 100 × k (see operation-limits.ts): 45 is within the default 5000, 46 over. */
const COSTLY = 'query Costly($k: Int) { products(first: 100) { edges { node { seller { products(first: $k) { edges { node { id } } } } } } } }';

describe('operation limits, each just under and just over', () => {
  it(`serves depth ${limits.maxDepth} and refuses ${limits.maxDepth + 1} with QUERY_TOO_DEEP`, async () => {
    await expectServed(nestedTo(limits.maxDepth));
    const answer = await expectRefused(nestedTo(limits.maxDepth + 1), 'QUERY_TOO_DEEP');
    expect(answer.body.errors![0]!.message).toBe(`The operation is nested too deeply: at most ${limits.maxDepth} levels of fields are allowed.`);
  });

  it(`counts aliased __typename: ${limits.maxAliases} served, ${limits.maxAliases + 1} and a 500 flood refused with TOO_MANY_ALIASES`, async () => {
    await expectServed(aliases(limits.maxAliases));
    await expectRefused(aliases(limits.maxAliases + 1), 'TOO_MANY_ALIASES');
    await expectRefused(aliases(500), 'TOO_MANY_ALIASES');
    // 1,600 of them (4,802 tokens) are longer than any document the gateway parses.
    await expectRefused(aliases(1600), 'TOO_MANY_TOKENS');
  });

  it('counts aliases inside fragments once per spread', async () => {
    const fragment = `fragment F on Query { ${Array.from({ length: 10 }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    await expectServed(`{ ...F ... on Query { ...F ...F } } ${fragment}`);
    await expectRefused(`{ ...F ... on Query { ...F ...F } a: __typename } ${fragment}`, 'TOO_MANY_ALIASES');
  });

  it(`serves ${limits.maxRootFields} root fields and refuses ${limits.maxRootFields + 1} with TOO_MANY_ROOT_FIELDS`, async () => {
    await expectServed(rootFields(limits.maxRootFields));
    await expectRefused(rootFields(limits.maxRootFields + 1), 'TOO_MANY_ROOT_FIELDS');
  });

  it(`serves ${limits.maxDirectives} directives and refuses ${limits.maxDirectives + 1} with TOO_MANY_DIRECTIVES`, async () => {
    await expectServed(directives(limits.maxDirectives));
    await expectRefused(directives(limits.maxDirectives + 1), 'TOO_MANY_DIRECTIVES');
  });

  it(`parses ${limits.maxTokens} tokens and refuses ${limits.maxTokens + 1} with TOO_MANY_TOKENS, not a parse message`, async () => {
    // No valid shop query is that long without repeating a field, which is refused for its own reason once parsed.
    const parsed = await query(tokens(limits.maxTokens));
    expect(parsed.code).toBe('QUERY_TOO_COMPLEX');
    const answer = await expectRefused(tokens(limits.maxTokens + 1), 'TOO_MANY_TOKENS');
    expect(answer.body.errors![0]!.message).toBe(`The operation is too long: at most ${limits.maxTokens} tokens are allowed.`);
  });

  it('refuses a field repeated past what graphql-js will compare with QUERY_TOO_COMPLEX, not its own wording', async () => {
    await expectServed(`{ products { edges { node { ${'id '.repeat(300)}} } } }`);
    const answer = await expectRefused(`{ products { edges { node { ${'id '.repeat(1500)}} } } }`, 'QUERY_TOO_COMPLEX');
    expect(answer.body.errors![0]!.message).not.toMatch(/Validation aborted/);
  });

  it('multiplies list sizes into the cost, with the variables sent: 4,902 served, 5,002 refused with QUERY_TOO_COMPLEX', async () => {
    await expectServed(COSTLY, { k: 45 });
    const answer = await expectRefused(COSTLY, 'QUERY_TOO_COMPLEX', { k: 46 });
    expect(answer.body.errors![0]!.message).toContain('estimated cost is 5002, at most 5000');
    // A first: 1,000,000 costs as the largest page a subgraph serves (100), which it then refuses itself.
    await expectRefused(COSTLY, 'QUERY_TOO_COMPLEX', { k: 1_000_000 });
  });

  it(`accepts a body of ${limits.maxBodyBytes} bytes and answers 413 one byte over`, async () => {
    const padded = (size: number) => {
      const head = JSON.stringify({ query: '{ __typename } #' }).slice(0, -2);
      return `${head}${'x'.repeat(size - head.length - 2)}"}`;
    };
    expect(padded(limits.maxBodyBytes)).toHaveLength(limits.maxBodyBytes);
    const under = await send(padded(limits.maxBodyBytes));
    expect(under.status).toBe(200);
    const over = await send(padded(limits.maxBodyBytes + 1));
    expect({ status: over.status, code: over.code }).toEqual({ status: 413, code: 'BAD_REQUEST' });
  });

  it('refuses a batch of operations (batching off) with 400', async () => {
    const answer = await send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect({ status: answer.status, code: answer.code }).toEqual({ status: 400, code: 'BAD_REQUEST' });
  });

  it('serves no introspection and no field suggestions in production', async () => {
    await expectRefused('{ __schema { types { name } } }', 'GRAPHQL_VALIDATION_FAILED');
    const typo = await expectRefused('{ categorys { id } }', 'GRAPHQL_VALIDATION_FAILED');
    expect(typo.body.errors![0]!.message).not.toMatch(/Did you mean/);
  });

  it('keeps every storefront operation well within every limit', () => {
    // The gateway's graphql instance, as the limits use it.
    const { buildSchema, Kind, Lexer, parse, Source, TokenKind, validate } = graphql;
    const schema = buildSchema(readFileSync(new URL('../../../schema/api.graphql', import.meta.url), 'utf8'));
    const manifest = JSON.parse(readFileSync(new URL('../../../web/persisted-operations.json', import.meta.url), 'utf8')) as { operations: { name: string; body: string }[] };
    const { validationRules } = createOperationLimits(limits);
    for (const { name, body } of manifest.operations) {
      const document = parse(body, { maxTokens: limits.maxTokens / 4 });
      expect(validate(schema, document, validationRules), name).toEqual([]);
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
      // Variables unknown: every first/last counts as the largest page.
      expect(operationCost(schema, document, operation, limits), name).toBeLessThan(limits.maxCost / 4);
      const lexer = new Lexer(new Source(body));
      let count = 0;
      while (lexer.advance().kind !== TokenKind.EOF) count++;
      expect(count, name).toBeLessThan(limits.maxTokens / 4);
    }
  });
});

/** The first thing graphql-ws answers a subscribe with: its errors (refused), or a result. */
async function subscribeOnce(query: string): Promise<{ code?: unknown; message?: string }> {
  const client = createClient({ url: platform.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  try {
    return await new Promise((resolve) => {
      const dispose = client.subscribe(
        { query },
        {
          next: () => (dispose(), resolve({})),
          error: (error) => {
            const first = Array.isArray(error) ? error[0] : undefined;
            bodies.push(JSON.stringify(error));
            resolve({ code: first?.extensions?.code, message: first?.message });
          },
          complete: () => resolve({}),
        },
      );
      // A valid subscription waits for events: being accepted is enough.
      setTimeout(() => (dispose(), resolve({ code: 'ACCEPTED' })), 1500);
    });
  } finally {
    await client.dispose();
  }
}

describe('the same limits over graphql-ws', () => {
  it('refuses a subscription nested too deeply, with too many aliases, or too long, with the HTTP codes', async () => {
    expect(await subscribeOnce('subscription { stockChanged { id name } }')).toEqual({ code: 'ACCEPTED' });
    expect((await subscribeOnce(`subscription { stockChanged { seller { ${nestedTo(limits.maxDepth).slice(2, -2)} } } }`)).code).toBe('QUERY_TOO_DEEP');
    expect((await subscribeOnce(`subscription { stockChanged { ${Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ')} } }`)).code).toBe('TOO_MANY_ALIASES');
    const long = await subscribeOnce(`subscription { stockChanged { ${'id '.repeat(limits.maxTokens)}} }`);
    expect(long).toEqual({ code: 'TOO_MANY_TOKENS', message: `The operation is too long: at most ${limits.maxTokens} tokens are allowed.` });
  });

  it('bounds a subscription\'s cost per event, counting variable pages as the largest', async () => {
    const costly = 'subscription($k: Int) { stockChanged { seller { products(first: $k) { edges { node { seller { products(first: 100) { edges { node { id } } } } } } } } } }';
    expect((await subscribeOnce(costly)).code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('errors a client can cause: a stable code, a message for that client', () => {
  it('answers an APQ hash that does not match its query with 400 PERSISTED_QUERY_HASH_MISMATCH', async () => {
    const sha256Hash = createHash('sha256').update('{ categories { name } }').digest('hex');
    const answer = await send({ query: '{ categories { id } }', extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect({ status: answer.status, code: answer.code }).toEqual({ status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH' });
  });

  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED and no library wording', async () => {
    const answer = await query('{ categories { id }');
    expect({ status: answer.status, code: answer.code }).toEqual({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    expect(answer.body.errors![0]!.message).toBe('The operation is not valid GraphQL: Expected Name, found <EOF>.');
  });

  it.each([
    ['23 digits', '12345678901234567890123'],
    ['16 digits', '1234567890123456'],
    ['three fraction digits', '1.234'],
  ])('answers a ProductFilter.minPrice of %s with BAD_USER_INPUT naming the field', async (_name, minPrice) => {
    const answer = await query('query($f: ProductFilter) { products(filter: $f) { totalCount } }', { f: { minPrice } });
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0]).toEqual({
      message: 'Must be a non-negative decimal with at most 15 digits before the point and 2 after, e.g. "249900.00".',
      path: ['products'],
      extensions: { code: 'BAD_USER_INPUT', field: ['filter', 'minPrice'] },
    });
  });

  it('answers a createProduct price of 23 digits with a payload error naming the field', async () => {
    const login = await graphqlRequest(platform.gatewayUrl, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: demo.sellers[0].email, p: demo.sellers[0].password });
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.data.login.token}` },
      body: JSON.stringify({
        query: 'mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } errors { code message field } } }',
        variables: { i: { name: 'Mochila de prueba', description: 'Tejida a mano.', price: '12345678901234567890123', sku: 'MOCH-PRUEBA-1', categoryId: demo.categories[0]!.id } },
      }),
    });
    const text = await response.text();
    bodies.push(text);
    const body = JSON.parse(text);
    expect(response.status).toBe(200);
    expect(body.data?.createProduct, text).toEqual({
      product: null,
      errors: [{ code: 'INVALID_INPUT', message: 'Must be a non-negative decimal with at most 15 digits before the point and 2 after, e.g. "249900.00".', field: ['input', 'price'] }],
    });
  });

  it('answers an anonymous order lookup with UNAUTHENTICATED and nothing of the subgraph behind it', async () => {
    const answer = await query('query($id: ID!) { order(id: $id) { id number } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(answer.code).toBe('UNAUTHENTICATED');
    for (const error of answer.body.errors ?? []) expect(Object.keys(error.extensions ?? {}).filter((key) => !['code', 'field'].includes(key))).toEqual([]);
  });

  it('gives the legacy status to a client that asks only for application/json: 200 with the errors for a refused document', async () => {
    const legacy = await send({ query: aliases(limits.maxAliases + 1) }, { accept: 'application/json' });
    expect({ status: legacy.status, code: legacy.code }).toEqual({ status: 200, code: 'TOO_MANY_ALIASES' });
    const modern = await send({ query: aliases(limits.maxAliases + 1) }, { accept: 'application/graphql-response+json, application/json;q=0.9' });
    expect({ status: modern.status, code: modern.code }).toEqual({ status: 400, code: 'TOO_MANY_ALIASES' });
  });

  it('shows no answer of this file an internal address, a parse message or a stack', () => {
    expect(bodies.length).toBeGreaterThan(20);
    const leaks = bodies.filter((body) => /http:\/\/127\.0\.0\.1|localhost:|Syntax Error|\n\s+at \S+|stacktrace|node_modules|"response"|"exception"/.test(body));
    expect(leaks).toEqual([]);
  });
});
