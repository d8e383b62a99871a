import type { GraphQLError as GraphQLErrorType, GraphQLFormattedError } from 'graphql';
import { graphql } from './graphql-runtime.js';

const { GraphQLError } = graphql;
import { WS_CLOSE } from '@shop/server';

export const fromFormatted = (error: GraphQLFormattedError): GraphQLErrorType =>
  new GraphQLError(error.message, { path: error.path, extensions: error.extensions });

const isCloseEvent = (value: unknown): value is { code: number; reason: string } =>
  typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;

/** What the clients of an upstream subscription are told when the subgraph ended it with an error. */
export function upstreamFailure(service: string, error: unknown): GraphQLErrorType[] {
  if (Array.isArray(error) && error.every((e) => typeof e?.message === 'string')) return (error as GraphQLFormattedError[]).map(fromFormatted);
  if (isCloseEvent(error) && error.code === WS_CLOSE.unauthorized) {
    return [new GraphQLError(error.reason || 'The token is not valid.', { extensions: { code: 'UNAUTHENTICATED' } })];
  }
  // Reconnection attempts are exhausted (or the subgraph refused): the client resubscribes when it is back.
  return [new GraphQLError(`The ${service} service is unavailable; subscribe again.`, { extensions: { code: 'SERVICE_UNAVAILABLE' } })];
}
