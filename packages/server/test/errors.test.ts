import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createLogger } from '@shop/common';
import { SubgraphUnavailableError } from '../src/entity-client.js';
import { maskErrors } from '../src/errors.js';

const mask = maskErrors(createLogger('test'));
const internal = { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } };

describe('errors a client sees', () => {
  it('answers text PostgreSQL refused to hold (a NUL) as BAD_USER_INPUT, from the real server error', async () => {
    const db = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    const refusal = await db`select ${'a\u0000b'}::text as t`.catch((error: unknown) => error);
    await db.end();
    // The driver's error as drizzle and Apollo wrap it: GraphQLError -> query error -> PostgresError.
    const wrapped = new GraphQLError('Failed query', { originalError: Object.assign(new Error('Failed query'), { cause: refusal }) });
    expect(mask(internal, wrapped)).toEqual({ message: 'Text may not contain the NUL character (U+0000).', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('answers a called service that did not answer as SERVICE_UNAVAILABLE, naming the service and nothing internal', () => {
    const wrapped = new GraphQLError('inventory did not answer', { originalError: new SubgraphUnavailableError('inventory', new Error('connect ECONNREFUSED 127.0.0.1:4003')) });
    expect(mask(internal, wrapped)).toEqual({ message: 'The inventory service is not answering; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('still masks every other failure as INTERNAL_SERVER_ERROR', () => {
    const wrapped = new GraphQLError('Failed query', { originalError: Object.assign(new Error('x'), { cause: Object.assign(new Error('deadlock'), { code: '40P01' }) }) });
    expect(mask(internal, wrapped)).toMatchObject({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
