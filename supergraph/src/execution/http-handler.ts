import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { InFlight, inboundKey } from '../deduplication.js';
import type { PersistedDocuments } from '../persisted-operations/persisted-operations.js';
import type { Admission } from './admission.js';

/** A complete answer as Apollo Server gave it: what identical requests joining it are sent. */
interface SharedAnswer {
  status: number;
  headers: [string, string][];
  /** Encoded once: res.end(string) would measure the string (Content-Length) and encode it again for every joiner. */
  body: Buffer;
}

export interface GraphqlHttpHandlerOptions<Context> {
  context: (req: Request) => Promise<Context>;
  /** Inbound deduplication: identical anonymous queries in flight at once share one execution and its serialized answer. */
  inbound?: {
    onJoin?: () => void;
    /** Persisted operations' texts by hash: hash-only queries are shared like those sent as text. */
    documents?: PersistedDocuments;
  };
  /** Executions wait here while the gateway is busy (admission.ts); waited() gets how long one waited. */
  admission?: { gate: Admission; waited?: (seconds: number) => void };
}

/**
 * Apollo Server at an Express route (what @as-integrations/express5 does), with inbound deduplication in front of it:
 * a request identical to one in flight (deduplication.ts, inboundKey) is answered with that one's status, headers and
 * serialized body, before Apollo Server parses, validates or builds a context for it. Under a burst of the same
 * query every joiner costs the HTTP layer alone. The client limits and persisted-operation guard run before this.
 */
export function graphqlHttpHandler<Context extends object>(apollo: ApolloServer<Context>, options: GraphqlHttpHandlerOptions<Context>): RequestHandler {
  const inFlight = new InFlight<SharedAnswer | null>();
  const admission = options.admission;
  /** The answer, or null when it was streamed or the client left while waiting. */
  const execute = async (req: Request, res: Response): Promise<SharedAnswer | null> => {
    if (!admission) return run(req, res);
    const wait = admission.gate.enter();
    if (wait) {
      const started = performance.now();
      await wait;
      admission.waited?.((performance.now() - started) / 1000);
    }
    try {
      // Nobody to answer: the slot goes to the next one waiting.
      return res.destroyed ? null : await run(req, res);
    } finally {
      admission.gate.leave();
    }
  };
  const run = async (req: Request, res: Response): Promise<SharedAnswer | null> => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const questionMark = req.url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: questionMark < 0 ? '' : req.url.slice(questionMark), body: req.body },
      context: () => options.context(req),
    });
    const status = response.status ?? 200;
    if (response.body.kind === 'complete') return { status, headers: [...response.headers], body: Buffer.from(response.body.string) };
    // Incremental delivery (@defer) streams to this client alone; a joiner executes on its own.
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = status;
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
    return null;
  };
  const send = (res: Response, answer: SharedAnswer) => {
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status;
    res.end(answer.body);
  };
  return async (req, res, next) => {
    try {
      const key = options.inbound ? inboundKey(req, options.inbound.documents) : null;
      if (key === null) {
        const answer = await execute(req, res);
        if (answer) send(res, answer);
        return;
      }
      let leader = false;
      const answer = await inFlight.share(
        key,
        () => {
          leader = true;
          return execute(req, res);
        },
        options.inbound?.onJoin,
      );
      if (answer) send(res, answer);
      // The one in flight streamed its answer: this joiner runs on its own.
      else if (!leader) {
        const own = await execute(req, res);
        if (own) send(res, own);
      }
    } catch (error) {
      next(error);
    }
  };
}
