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
export function unauthenticated(message = 'Sign in to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
export function forbidden(message = 'You are not allowed to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
