import { GraphQLError } from 'graphql';

/** A domain error returned inside a mutation payload, as the contract's UserError. */
export interface UserError {
  code: string;
  message: string;
  field?: string[] | null;
}

export function userError(code: string, message: string, field?: (string | number)[]): UserError {
  return { code, message, field: field?.map(String) ?? null };
}

/** A value or the user errors that prevent it; business functions return this instead of throwing. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...errors: UserError[]): Result<T> => ({ ok: false, errors });

/** GraphQL errors with the codes clients switch on; bugs stay plain Errors and are masked. */
export function badUserInput(message: string, field?: (string | number)[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: field?.map(String) } });
}
/**
 * HTTP 401 only for a credential refused before execution (a bad token): a resolver's refusal stays in a 200 answer,
 * so the gateway passes its code and message through instead of "401: Unauthorized" and the subgraph's URL and body.
 */
export function unauthenticated(message = 'Sign in to do this.', options: { httpStatus?: 401 } = {}): GraphQLError {
  const http = options.httpStatus ? { http: { status: options.httpStatus } } : {};
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', ...http } });
}
export function forbidden(message = 'You are not allowed to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
