import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@shop/common';
import { askAssistant } from '../src/domain/ask.js';
import { OpenAiAssistantProvider } from '../src/providers/openai-provider.js';
import type { GraphReader } from '../src/graph/client.js';
import { startFakeOpenAi } from './support/fake-openai.js';

/** The model's API failing in every way the network allows: SERVICE_UNAVAILABLE to the user, and the key in no log line. */
const API_KEY = 'sk-secret-never-logged-0123456789';
const viewer = { id: '7f1c1c1e-0000-4000-8000-000000000001', roles: ['CUSTOMER' as const] };
const noGraph: GraphReader = { read: () => Promise.reject(new Error('no read expected')) };
let silent: Server;
let silentUrl: string;

beforeAll(async () => {
  // Accepts the request and never answers.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

async function failingAnswer(baseUrl: string) {
  const lines: string[] = [];
  const previous = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'debug';
  const logger = createLogger('assistant-test', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  process.env.LOG_LEVEL = previous;
  const provider = new OpenAiAssistantProvider({ baseUrl, model: 'm', apiKey: API_KEY, timeoutMs: 300, maxRounds: 2 });
  // db is never reached: a failed answer stores nothing.
  const result = await askAssistant({ db: null as never, provider, limits: { take: async () => {} }, logger }, viewer, noGraph, { question: 'hola' });
  return { result, lines };
}

describe('a failing model API', () => {
  it.each([
    ['answers HTTP 500', 'fake'],
    ['never answers (timeout)', 'silent'],
    ['refuses the connection', 'http://127.0.0.1:9/v1'],
  ])('%s: SERVICE_UNAVAILABLE, logged without the key', async (_case, target) => {
    const fake = target === 'fake' ? await startFakeOpenAi(() => ({ status: 500 })) : null;
    try {
      const { result, lines } = await failingAnswer(fake?.url ?? (target === 'silent' ? silentUrl : target));
      expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' })] });
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).toContain('assistant: no answer');
      expect(lines.join('\n')).not.toContain(API_KEY);
      expect(JSON.stringify(result)).not.toContain(API_KEY);
      if (fake) expect(fake.received[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    } finally {
      await fake?.close();
    }
  });
});
