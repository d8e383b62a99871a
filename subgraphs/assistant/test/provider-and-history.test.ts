import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import { startTestPlatform } from '../../../supergraph/test/support/platform.js';
import { login } from '../../../supergraph/test/live/support.js';
import { assistant } from '../src/subgraph.js';
import { TOOL_DEFINITIONS } from '../src/graph/tools.js';
import { ask } from './support/harness.js';
import { startFakeOpenAi, type Script } from './support/fake-openai.js';

/**
 * The OpenAI-compatible provider against a local fake chat-completions server (its tool calls run through the real
 * gateway as the asking user), and, through the platform's own assistant: conversations kept per user, the question
 * checked, the per-user rate limit.
 */
const API_KEY = `sk-test-${randomBytes(12).toString('hex')}`;
const tutu = demo.products.find((p) => p.name === 'Mochila Wayuu Tutu')!;
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let openAiAssistant: RunningSubgraph<any, any>;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: Awaited<ReturnType<typeof startFakeOpenAi>>;
const tokens = {} as Record<'customer' | 'customerB', string>;

const register = async (name: string) =>
  (await graphqlRequest(platform.gatewayUrl, 'mutation($i: RegisterInput!) { register(input: $i) { token } }', { i: { email: `${name.toLowerCase()}-${randomBytes(4).toString('hex')}@example.test`, password: 'long-enough-pass', name } })).data.register.token as string;

/** The fake model: finds the product and the user's last order, then its stock, then answers with both. */
const script: Script = ({ messages }) => {
  const question: string = messages.findLast((m: any) => m.role === 'user').content;
  if (question.includes('falla')) return { status: 500 };
  const toolResults = messages.filter((m: any) => m.role === 'tool').map((m: any) => JSON.parse(m.content));
  if (question.includes('ventas')) {
    if (!toolResults.length) return { tool_calls: [{ id: 'call_s', type: 'function', function: { name: 'sales_report', arguments: JSON.stringify({ from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z' }) } }] };
    return { content: toolResults[0].refused ? 'No puedo ver esas ventas con tu cuenta.' : 'Aquí están.' };
  }
  if (toolResults.length === 0)
    return {
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'find_products', arguments: JSON.stringify({ name: 'mochila wayuu tutu' }) } },
        { id: 'call_2', type: 'function', function: { name: 'order_status', arguments: '{}' } },
      ],
    };
  if (toolResults.length === 2) return { tool_calls: [{ id: 'call_3', type: 'function', function: { name: 'product_stock', arguments: JSON.stringify({ productId: toolResults[0].products[0].id }) } }] };
  const stock = toolResults[2].data.product.stock.available;
  const last = toolResults[1].data.me.orders.edges[0]?.node.number ?? 'ninguno';
  return { content: `Quedan ${stock} unidades. Tu último pedido: ${last}.` };
};

beforeAll(async () => {
  const keys = await generateKeyPairPem();
  platform = await startTestPlatform(inject('databaseUrl'), { keys });
  tokens.customer = await login(platform.gatewayUrl, demo.customer);
  tokens.customerB = await register('Beatriz');
  fake = await startFakeOpenAi(script);
  database = await createTestDatabase(inject('databaseUrl'), 'assistant_openai');
  openAiAssistant = await startSubgraph(assistant, {
    config: {
      PORT: 0,
      DATABASE_URL: database.url,
      JWT_PUBLIC_KEY: keys.publicKeyPem,
      SEED_DEMO: 'false',
      GATEWAY_URL: platform.gatewayUrl,
      ASSISTANT_PROVIDER: 'openai',
      OPENAI_BASE_URL: fake.url,
      OPENAI_MODEL: 'fake-model-1',
      OPENAI_API_KEY: API_KEY,
      OPENAI_TIMEOUT_MS: 5000,
    } as Record<string, unknown>,
  });
}, 180_000);

afterAll(async () => {
  await openAiAssistant?.stop();
  await fake?.close();
  await database?.drop();
  await platform?.stop();
  await platform?.dropDatabases();
});

describe('the OpenAI-compatible provider', () => {
  it('sends the model, the key and the read-only tools; runs the tool calls as the user through the gateway; answers with the final message', async () => {
    fake.received.length = 0;
    const lastOrder = (await graphqlRequest(platform.gatewayUrl, '{ me { orders(first: 1) { edges { node { number } } } } }', {}, tokens.customer)).data.me.orders.edges[0].node.number;
    const stock = (await graphqlRequest(platform.gatewayUrl, 'query($id: ID!) { product(id: $id) { stock { available } } }', { id: tutu.id }, tokens.customer)).data.product.stock.available;
    const { answer, sources, errors } = await ask(openAiAssistant.url, tokens.customer, '¿Cuántas Mochila Wayuu Tutu quedan y cómo va mi pedido?');
    expect(errors).toEqual([]);
    expect(answer).toBe(`Quedan ${stock} unidades. Tu último pedido: ${lastOrder}.`);
    expect(fake.received).toHaveLength(3);
    for (const request of fake.received) {
      expect(request.path).toBe('/v1/chat/completions');
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.body.model).toBe('fake-model-1');
      expect(request.body.tools!.map((t) => t.function.name)).toEqual(TOOL_DEFINITIONS.map((t) => t.name));
      expect(request.body.tools!.map((t) => t.function.name)).toEqual(['find_products', 'product_stock', 'order_status', 'sales_report', 'demand_forecast', 'low_stock']);
    }
    // The second request carries the first round's calls and their results, as the chat completions API wants them.
    const second = fake.received[1]!.body.messages;
    expect(second.at(-3)).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_1' }, { id: 'call_2' }] });
    expect(second.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_2' });
    expect(sources.map((s) => s.operation)).toEqual(['AssistantLastOrder', 'AssistantProductStock']);
    expect(sources[0]!.data.me.orders.edges[0].node.number).toBe(lastOrder);
  });

  it("runs the tools as the asking user: another customer's order_status sees only their own (none)", async () => {
    fake.received.length = 0;
    const { answer } = await ask(openAiAssistant.url, tokens.customerB, '¿Cuántas Mochila Wayuu Tutu quedan y cómo va mi pedido?');
    expect(answer).toMatch(/Tu último pedido: ninguno\.$/);
  });

  it("a tool the gateway refuses comes back to the model as refused, with no data (a customer's sales_report)", async () => {
    fake.received.length = 0;
    const { answer, sources } = await ask(openAiAssistant.url, tokens.customer, '¿Cuáles fueron mis ventas del año?');
    expect(answer).toBe('No puedo ver esas ventas con tu cuenta.');
    const toolMessage = fake.received[1]!.body.messages.at(-1);
    expect(JSON.parse(toolMessage.content)).toMatchObject({ refused: expect.arrayContaining(['FORBIDDEN']), data: null });
    expect(sources[0]).toMatchObject({ operation: 'AssistantSalesReport', data: null });
  });

  it('a failing model API is SERVICE_UNAVAILABLE, with no key in the message, and nothing is stored', async () => {
    const { errors, answer } = await ask(openAiAssistant.url, tokens.customerB, 'esto falla');
    expect(answer).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' })]);
    expect(JSON.stringify(errors)).not.toContain(API_KEY);
    const list = await graphqlRequest(openAiAssistant.url, '{ assistantConversations { messages { text } } }', {}, tokens.customerB);
    expect(JSON.stringify(list.data)).not.toContain('esto falla');
  });
});

describe('conversations', () => {
  const CONVERSATION = 'query($id: ID!) { assistantConversation(id: $id) { id messages { role text sources } } }';

  it("keep each user's history; another user's conversation id is NOT_FOUND and reads as null", async () => {
    const first = await ask(platform.gatewayUrl, tokens.customer, '¿Cómo va el pedido ORD-000001?');
    expect(first.errors).toEqual([]);
    const second = await ask(platform.gatewayUrl, tokens.customer, 'hola', first.conversationId!);
    expect(second.conversationId).toBe(first.conversationId);
    const own = await graphqlRequest(platform.gatewayUrl, CONVERSATION, { id: first.conversationId }, tokens.customer);
    expect(own.data.assistantConversation.messages.map((m: any) => [m.role, m.text])).toEqual([
      ['USER', '¿Cómo va el pedido ORD-000001?'],
      ['ASSISTANT', first.answer],
      ['USER', 'hola'],
      ['ASSISTANT', second.answer],
    ]);
    expect(JSON.parse(own.data.assistantConversation.messages[1].sources[0])).toMatchObject({ operation: 'AssistantOrderByNumber' });
    const listed = await graphqlRequest(platform.gatewayUrl, '{ assistantConversations(first: 5) { id } }', {}, tokens.customer);
    expect(listed.data.assistantConversations[0].id).toBe(first.conversationId);

    const intruder = await ask(platform.gatewayUrl, tokens.customerB, 'hola', first.conversationId!);
    expect(intruder.errors).toEqual([{ code: 'NOT_FOUND', message: 'No such conversation.', field: ['conversationId'] }]);
    const unknown = await ask(platform.gatewayUrl, tokens.customerB, 'hola', '00000000-0000-4000-8000-000000000000');
    expect(unknown.errors).toEqual(intruder.errors);
    expect((await graphqlRequest(platform.gatewayUrl, CONVERSATION, { id: first.conversationId }, tokens.customerB)).data.assistantConversation).toBeNull();
    const theirs = await graphqlRequest(platform.gatewayUrl, '{ assistantConversations { id } }', {}, tokens.customerB);
    expect(theirs.data.assistantConversations.map((c: any) => c.id)).not.toContain(first.conversationId);
    // Untouched by the intruder.
    expect((await graphqlRequest(platform.gatewayUrl, CONVERSATION, { id: first.conversationId }, tokens.customer)).data.assistantConversation.messages).toHaveLength(4);
  });

  it('questions are 1 to 500 characters: INVALID_INPUT otherwise, nothing stored; signed out is UNAUTHENTICATED', async () => {
    const token = await register('Validacion');
    for (const question of ['', '   ', 'x'.repeat(501)]) {
      const { errors } = await ask(platform.gatewayUrl, token, question);
      expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['question'] })]);
    }
    expect((await ask(platform.gatewayUrl, token, 'x'.repeat(500))).errors).toEqual([]);
    expect((await graphqlRequest(platform.gatewayUrl, '{ assistantConversations { id } }', {}, token)).data.assistantConversations).toHaveLength(1);
    const anonymous = await graphqlRequest(platform.gatewayUrl, 'mutation { askAssistant(question: "hola") { errors { code } } }', {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('suggests questions for the viewer\'s roles, in Spanish', async () => {
    const suggestions = async (token: string) => (await graphqlRequest(platform.gatewayUrl, '{ assistantSuggestions }', {}, token)).data.assistantSuggestions as string[];
    const customer = await suggestions(tokens.customer);
    const seller = await suggestions(await login(platform.gatewayUrl, demo.sellers[0]));
    const admin = await suggestions(await login(platform.gatewayUrl, demo.admin));
    expect(customer.join(' ')).toMatch(/pedido/);
    expect(customer.join(' ')).not.toMatch(/vendido|existencias bajas|pocas existencias/);
    expect(seller.join(' ')).toMatch(/más vendido.*pocas existencias.*pronóstico/s);
    expect(admin.join(' ')).toMatch(/tienda/);
  });
});

describe('the rate limit', () => {
  it('allows 20 questions a minute per user: the 21st is RATE_LIMITED with retryAfterSeconds; another user is still served', async () => {
    const token = await register('Limite');
    for (let i = 0; i < 20; i++) expect((await ask(platform.gatewayUrl, token, `hola ${i}`)).errors).toEqual([]);
    const limited = await ask(platform.gatewayUrl, token, 'hola otra vez');
    expect(limited.res.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Too many questions to the assistant; try again in \d+ s\.$/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
    expect(limited.res.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.res.errors![0]!.extensions!.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await ask(platform.gatewayUrl, tokens.customerB, 'hola')).errors).toEqual([]);
  });
});
