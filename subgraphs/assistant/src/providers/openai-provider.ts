/**
 * A provider speaking the OpenAI-compatible chat completions API (OpenAI, Azure's compatible endpoint, vLLM, Ollama,
 * llama.cpp's server…). The model sees the read-only tools of graph/tools.ts; each call it makes runs through the
 * asking user's own reader, its result goes back as a tool message, for at most `maxRounds` requests.
 * The API key is sent only in the Authorization header: no log line or error carries it.
 */
import { detectLanguage } from '../domain/language.js';
import { GraphTools, TOOL_DEFINITIONS } from '../graph/tools.js';
import type { AssistantProvider, AssistantQuestion, AssistantReply } from './provider.js';

export interface OpenAiSettings {
  /** e.g. https://api.openai.com/v1 (the path /chat/completions is added). */
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
  /** Requests to the model per question (each round may run several tool calls). */
  maxRounds: number;
}

/** The model's API failed (down, timed out, a non-2xx answer, an unreadable body): SERVICE_UNAVAILABLE to the user. */
export class ProviderUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderUnavailable';
  }
}

type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };
interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

const systemPrompt = (question: AssistantQuestion) =>
  [
    'You are the shop assistant of Artesanías Bogotá, a Colombian handcrafts marketplace (prices in COP).',
    'Answer in the language of the question (Spanish or English), briefly, with the figures.',
    'Use ONLY data returned by the tools; never invent figures. When a tool answers "refused" or null data, say you cannot see that data with the user\'s account.',
    `Today is ${question.now.toISOString()}. The user's roles: ${question.viewer.roles.join(', ')}.`,
  ].join('\n');

export class OpenAiAssistantProvider implements AssistantProvider {
  readonly name = 'openai';
  private readonly url: string;

  constructor(private readonly settings: OpenAiSettings) {
    this.url = `${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  }

  async answer(question: AssistantQuestion): Promise<AssistantReply> {
    const tools = new GraphTools(question.graph, question.viewer);
    const messages: ChatMessage[] = [
      { role: 'system', content: systemPrompt(question) },
      ...question.history.map((turn): ChatMessage => (turn.role === 'USER' ? { role: 'user', content: turn.text } : { role: 'assistant', content: turn.text })),
      { role: 'user', content: question.question },
    ];
    for (let round = 0; round < this.settings.maxRounds; round++) {
      // The last round offers no tools, so the model has to answer with what it has.
      const message = await this.complete(messages, round < this.settings.maxRounds - 1);
      const calls = message.tool_calls ?? [];
      if (!calls.length) return { text: (message.content ?? '').trim() || fallback(question.question), reads: tools.reads };
      messages.push({ role: 'assistant', content: message.content ?? null, tool_calls: calls });
      for (const call of calls) messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(await runTool(tools, call)) });
    }
    return { text: fallback(question.question), reads: tools.reads };
  }

  private async complete(messages: ChatMessage[], offerTools: boolean): Promise<{ content: string | null; tool_calls?: ToolCall[] }> {
    const body = {
      model: this.settings.model,
      messages,
      temperature: 0,
      ...(offerTools
        ? { tools: TOOL_DEFINITIONS.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } })), tool_choice: 'auto' }
        : {}),
    };
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.settings.apiKey}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      // The error's own text could quote the request; only its kind is kept.
      throw new ProviderUnavailable(`the model API did not answer: ${error instanceof Error ? error.name : 'error'}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ProviderUnavailable(`the model API answered HTTP ${response.status}`);
    }
    try {
      const answer = (await response.json()) as { choices?: { message?: { content?: string | null; tool_calls?: ToolCall[] } }[] };
      const message = answer.choices?.[0]?.message;
      if (!message) throw new Error('no choices');
      return { content: message.content ?? null, tool_calls: message.tool_calls };
    } catch {
      throw new ProviderUnavailable('the model API answered with no readable choice');
    }
  }
}

async function runTool(tools: GraphTools, call: ToolCall): Promise<unknown> {
  const definition = TOOL_DEFINITIONS.find((t) => t.name === call.function.name);
  if (!definition) return { error: 'UNKNOWN_TOOL', tools: TOOL_DEFINITIONS.map((t) => t.name) };
  let args: unknown;
  try {
    args = call.function.arguments ? JSON.parse(call.function.arguments) : {};
  } catch {
    return { error: 'INVALID_ARGUMENTS', issues: ['arguments are not JSON'] };
  }
  return definition.run(tools, args);
}

const fallback = (question: string) =>
  detectLanguage(question) === 'es' ? 'No pude encontrar una respuesta con los datos disponibles.' : "I couldn't find an answer in the data available.";
