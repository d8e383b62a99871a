import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import express from 'express';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { graphqlTracingPlugin, startInMemoryTracing, traceHttpRequests, type InMemoryTracing } from '../src/index.js';
import { fakeGateway } from './fake-gateway.js';
import { serve, type TestServer } from './http-helpers.js';

const typeDefs = `#graphql
  type Product { id: ID! name: String! }
  type Query { products: [Product!]! product(id: ID!): Product }
  type Mutation { placeOrder: String! }
`;
let nameResolutions = 0;
const resolvers = {
  Query: {
    products: async () => {
      trace.getTracer('products').startSpan('inside products resolver').end();
      return [{ id: '1' }, { id: '2' }];
    },
    product: (_: unknown, { id }: { id: string }) => ({ id }),
  },
  Product: {
    name: ({ id }: { id: string }) => {
      nameResolutions++;
      return `vase ${id}`;
    },
  },
  Mutation: {
    placeOrder: async () => {
      throw new GraphQLError('Not enough stock.', { extensions: { code: 'INSUFFICIENT_STOCK' } });
    },
  },
};

let tracing: InMemoryTracing;
let apollo: ApolloServer;
let server: TestServer;
beforeAll(async () => {
  tracing = startInMemoryTracing();
  apollo = new ApolloServer({ typeDefs, resolvers, plugins: [graphqlTracingPlugin('products')] });
  await apollo.start();
  server = await serve((app) => {
    app.use('/graphql', express.json(), traceHttpRequests('products'), expressMiddleware(apollo));
  });
});
afterAll(async () => {
  await server.close();
  await apollo.stop();
  await tracing.shutdown();
});
beforeEach(() => tracing.reset());

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  await response.json();
  await vi.waitFor(() => expect(tracing.spans().some((s) => s.kind === SpanKind.SERVER)).toBe(true));
  return tracing.spans();
}
const childrenOf = (spans: ReadableSpan[], parent: ReadableSpan) => spans.filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId).map((s) => s.name);

describe('graphqlTracingPlugin', () => {
  it('names the request span after the operation and adds one span per root field, not per nested field', async () => {
    nameResolutions = 0;
    const spans = await post('query storefront { products { id name } first: product(id: "9") { name } }', {
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    const request = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(request.name).toBe('query storefront');
    expect(request.instrumentationScope.name).toBe('products');
    expect(request.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'storefront', 'http.response.status_code': 200 });
    expect(request.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(nameResolutions).toBe(3);
    expect(childrenOf(spans, request).sort()).toEqual(['Query.product', 'Query.products', 'inside products resolver']);
    expect(spans).toHaveLength(4);
    const products = spans.find((s) => s.name === 'Query.products')!;
    expect(products.instrumentationScope.name).toBe('products');
    expect(products.attributes).toMatchObject({ 'graphql.field.name': 'products', 'graphql.field.path': 'products', 'graphql.field.type': '[Product!]!' });
    expect(spans.find((s) => s.name === 'Query.product')!.attributes['graphql.field.path']).toBe('first');
  });

  it('records a failing root resolver\'s error on its span and marks the operation as failed', async () => {
    const spans = await post('mutation placeOrder { placeOrder }');
    const request = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(request.name).toBe('mutation placeOrder');
    expect(request.status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'INSUFFICIENT_STOCK' });
    const field = spans.find((s) => s.name === 'Mutation.placeOrder')!;
    expect(field.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(field.status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'Not enough stock.' });
    expect(field.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('names an anonymous operation by its type, and leaves a document that does not parse as the HTTP span', async () => {
    const anonymous = await post('{ products { id } }');
    expect(anonymous.find((s) => s.kind === SpanKind.SERVER)!.name).toBe('query');
    tracing.reset();
    const broken = await post('query broken { products');
    const request = broken.find((s) => s.kind === SpanKind.SERVER)!;
    expect(request.name).toBe('POST /graphql');
    expect(request.status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'GRAPHQL_PARSE_FAILED' });
  });

  it('makes an operation span of its own outside an HTTP request (executeOperation), parenting the root fields', async () => {
    await apollo.executeOperation({ query: 'query direct { product(id: "1") { id } }' });
    const operation = tracing.spans().find((s) => s.name === 'query direct')!;
    expect(operation).toBeDefined();
    expect(operation.parentSpanContext).toBeUndefined();
    expect(childrenOf(tracing.spans(), operation)).toEqual(['Query.product']);
  });

  it('names the span on a gateway, which has no resolver pass to record root fields from', async () => {
    const gateway = new ApolloServer({
      gateway: fakeGateway('type Query { products: [String!]! }', async () => ({ data: { products: ['vase'] } })),
      plugins: [graphqlTracingPlugin('gateway')],
    });
    await gateway.start();
    try {
      await gateway.executeOperation({ query: 'query storefront { products }' });
    } finally {
      await gateway.stop();
    }
    expect(tracing.spans().map((s) => [s.name, s.instrumentationScope.name])).toEqual([['query storefront', 'gateway']]);
  });
});
