import type { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from '@shop/common';
import { maskErrors } from './errors.js';

type AnyError = GraphQLError | GraphQLFormattedError;

const formattedOf = (error: AnyError): GraphQLFormattedError =>
  typeof (error as GraphQLError).toJSON === 'function' ? (error as GraphQLError).toJSON() : (error as GraphQLFormattedError);

/**
 * graphql-ws hooks that send errors the way HTTP does: known codes as they are, anything else masked and logged.
 * onNext returns undefined when there is nothing to rewrite, so the common event costs nothing extra.
 */
export function wsErrorFormatting(logger: Logger) {
  const mask = maskErrors(logger);
  return {
    onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult | FormattedExecutionResult) =>
      result.errors?.length ? { ...result, errors: (result.errors as readonly AnyError[]).map((e) => mask(formattedOf(e), e)) } : undefined,
    /** Errors sent before execution are about the document itself: parse or validation failures. */
    onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
      errors.map((e) => {
        const formatted = formattedOf(e);
        const extensions = { ...formatted.extensions, code: formatted.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED' };
        return mask({ ...formatted, extensions }, e);
      }),
  };
}
