import { describe, expect, it } from 'vitest';
import { describeError, isTransient, transientError } from '../src/failures.js';

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('which consumer failures count toward dead-lettering', () => {
  it.each([
    ['a refused connection, as a cause', new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') })],
    ['a service client that got no answer', Object.assign(new Error('users did not answer'), { name: 'SubgraphUnavailableError' })],
    ['a timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
    ['PostgreSQL not accepting connections (57P03)', withCode('57P03')],
    ['a connection exception (08006)', withCode('08006')],
    ['a serialization failure (40001)', withCode('40001')],
    ['a deadlock (40P01)', withCode('40P01')],
    ['postgres.js losing its connection', withCode('CONNECTION_CLOSED')],
    ['one of several errors', new AggregateError([new Error('x'), withCode('ETIMEDOUT')])],
    ['an error marked transient', transientError('provider down')],
  ])('waits out %s without counting it', (_, error) => expect(isTransient(error)).toBe(true));

  it.each([
    ['a plain error', new Error('no such customer')],
    ['a unique violation (23505)', withCode('23505')],
    ['a check violation (23514)', withCode('23514')],
    ['a type error in the handler', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'boom'],
  ])('counts %s', (_, error) => expect(isTransient(error)).toBe(false));

  it('describes an error with its causes, once each', () => {
    expect(describeError(new Error('could not refund', { cause: new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }) }))).toBe(
      'could not refund: TypeError: fetch failed: connect ECONNREFUSED',
    );
  });
});
