import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: { model: string; messages: any[]; tools?: { type: string; function: { name: string; parameters: unknown } }[]; tool_choice?: string };
}

/** How the fake model answers one request: a chat completion message, or an HTTP status to fail with. */
export type Script = (request: ReceivedRequest['body']) => { content?: string | null; tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[] } | { status: number };

/** A local OpenAI-compatible /chat/completions that records every request and answers from the script. */
export async function startFakeOpenAi(script: Script) {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw) as ReceivedRequest['body'];
      received.push({ path: req.url ?? '', headers: req.headers, body });
      const reply = script(body);
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'simulated failure' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ id: `chatcmpl-${received.length}`, object: 'chat.completion', model: body.model, choices: [{ index: 0, finish_reason: reply.tool_calls ? 'tool_calls' : 'stop', message: { role: 'assistant', content: reply.content ?? null, tool_calls: reply.tool_calls } }] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
