import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { createLogger } from '@shop/common';
import { createPersistedOperations, STOREFRONT_MANIFEST } from '../../../supergraph/src/persisted-operations/persisted-operations.js';
import { GatewayUnavailable, gatewayReader } from '../src/graph/client.js';
import { MANIFEST_URL, manifestText } from '../src/graph/manifest.js';
import { OPERATIONS, PRODUCT_STOCK } from '../src/graph/operations.js';
import { TOOL_DEFINITIONS } from '../src/graph/tools.js';

/** The assistant reads the graph only with these operations: valid queries of the public API, listed for safelist gateways. */
const api = buildSchema(readFileSync(new URL('../../../schema/api.graphql', import.meta.url), 'utf8'));

describe("the assistant's operations", () => {
  it.each(OPERATIONS.map((op) => [op.name, op] as const))('%s is one named query (with its fragments), valid against the public API', (name, op) => {
    const document = parse(op.text);
    expect(document.definitions.filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION)).toHaveLength(1);
    const [definition] = document.definitions.filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION) as OperationDefinitionNode[];
    expect(definition!.kind).toBe(Kind.OPERATION_DEFINITION);
    expect(definition!.operation).toBe('query');
    expect(definition!.name?.value).toBe(name);
    expect(validate(api, document)).toEqual([]);
  });

  it('persisted-operations.json is up to date (tsx subgraphs/assistant/scripts/persisted-manifest.ts)', () => {
    expect(readFileSync(MANIFEST_URL, 'utf8')).toBe(manifestText());
  });

  it("a gateway in safelist mode with the assistant's manifest lets its operations through and refuses any other text", () => {
    const { operations } = createPersistedOperations({ mode: 'safelist', manifests: [MANIFEST_URL.pathname], apqTtlSeconds: 60, apqMemoryBytes: 1024 }, null, createLogger('test'));
    const guard = (query: string) => {
      const next = vi.fn();
      const res = { status: vi.fn(() => res), json: vi.fn() };
      operations.httpGuard!({ method: 'POST', body: { query } } as any, res as any, next);
      return next.mock.calls.length === 1 ? 'allowed' : 'refused';
    };
    for (const op of OPERATIONS) expect(guard(op.text)).toBe('allowed');
    expect(guard(`${OPERATIONS[0]!.text} `)).toBe('refused');
    expect(guard('mutation { rebuildAnalytics }')).toBe('refused');
  });

  it('offers the model tools with JSON Schema parameters and nothing that writes', () => {
    for (const tool of TOOL_DEFINITIONS) {
      expect(tool.parameters).toMatchObject({ type: 'object' });
      expect(tool.name).toMatch(/^[a-z_]+$/);
    }
    expect(OPERATIONS.every((op) => !/\bmutation\b|\bsubscription\b/.test(op.text))).toBe(true);
  });
});

describe('a safelist gateway without the assistant\'s manifest', () => {
  /** The gateway's own safelist guard over HTTP, in front of a stand-in that answers every allowed operation. */
  async function guardedGateway(manifests: string[]) {
    const { operations } = createPersistedOperations({ mode: 'safelist', manifests, apqTtlSeconds: 60, apqMemoryBytes: 1024 }, null, createLogger('test'));
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const reply = { status: (code: number) => ((res.statusCode = code), reply), json: (body: unknown) => res.setHeader('content-type', 'application/json').end(JSON.stringify(body)) };
        operations.httpGuard!({ method: 'POST', body: JSON.parse(raw) } as any, reply as any, () => reply.status(200).json({ data: { product: null } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, close: () => new Promise((r) => server.close(r)) };
  }

  it('is SERVICE_UNAVAILABLE naming the setting (never "you cannot see it"); with the manifest listed it runs', async () => {
    const storefrontOnly = await guardedGateway([STOREFRONT_MANIFEST]);
    const both = await guardedGateway([STOREFRONT_MANIFEST, MANIFEST_URL.pathname]);
    try {
      const refused = gatewayReader({ url: storefrontOnly.url, timeoutMs: 2000 }, 'Bearer x').read(PRODUCT_STOCK, { id: '00000000-0000-4000-8000-000000000000' });
      await expect(refused).rejects.toThrow(GatewayUnavailable);
      await expect(refused).rejects.toThrow(/PERSISTED_OPERATIONS_MANIFEST/);
      const read = await gatewayReader({ url: both.url, timeoutMs: 2000 }, 'Bearer x').read(PRODUCT_STOCK, { id: '00000000-0000-4000-8000-000000000000' });
      expect(read).toMatchObject({ operation: 'AssistantProductStock', data: { product: null }, errorCodes: [] });
    } finally {
      await storefrontOnly.close();
      await both.close();
    }
  });
});
