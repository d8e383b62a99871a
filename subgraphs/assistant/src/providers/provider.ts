import type { Viewer } from '@shop/auth';
import type { GraphRead, GraphReader } from '../graph/client.js';

export interface AssistantTurn {
  role: 'USER' | 'ASSISTANT';
  text: string;
}

export interface AssistantQuestion {
  question: string;
  /** The conversation so far, oldest first (the provider may use it for context). */
  history: readonly AssistantTurn[];
  viewer: Viewer;
  /** The graph as this user sees it: the only data a provider may use. */
  graph: GraphReader;
  now: Date;
}

export interface AssistantReply {
  text: string;
  /** The graph reads the answer used, in order. */
  reads: GraphRead[];
}

/** Answers a question from the graph. Implementations: IntentAssistantProvider (default), OpenAiAssistantProvider. */
export interface AssistantProvider {
  readonly name: string;
  answer(question: AssistantQuestion): Promise<AssistantReply>;
}
