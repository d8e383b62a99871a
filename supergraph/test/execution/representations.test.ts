import { describe, expect, it } from 'vitest';
import { dedupeRepresentations } from '../../src/execution/representations.js';

const product = (upc: string) => ({ __typename: 'Product', upc });

describe('entity representations sent once each', () => {
  it('sends each distinct representation once and answers every original position with its own copy', () => {
    const deduped = dedupeRepresentations({ representations: [product('1'), product('2'), product('1'), product('1')], first: 5 })!;
    expect(deduped.variables).toEqual({ representations: [product('1'), product('2')], first: 5 });
    const answer = deduped.expand({ data: { _entities: [{ name: 'One', reviews: [{ id: 'r1' }] }, { name: 'Two', reviews: [] }] } });
    const entities = (answer.data as { _entities: { name: string; reviews: { id: string }[] }[] })._entities;
    expect(entities.map((e) => e.name)).toEqual(['One', 'Two', 'One', 'One']);
    // The executor merges later fetches into each position in place: no two positions may share an object.
    expect(entities[2]).not.toBe(entities[0]);
    expect(entities[2]!.reviews[0]).not.toBe(entities[0]!.reviews[0]);
    expect(entities[3]).toEqual(entities[0]);
  });

  it('moves an error at a sent representation to every position that asked for it; other errors stay as they are', () => {
    const deduped = dedupeRepresentations({ representations: [product('1'), product('2'), product('2')] })!;
    const answer = deduped.expand({
      data: { _entities: [{ name: 'One' }, null] },
      errors: [{ message: 'gone', path: ['_entities', 1, 'name'] }, { message: 'elsewhere' }],
    });
    expect(answer.errors).toEqual([
      { message: 'gone', path: ['_entities', 1, 'name'] },
      { message: 'gone', path: ['_entities', 2, 'name'] },
      { message: 'elsewhere' },
    ]);
    expect((answer.data as { _entities: unknown[] })._entities).toEqual([{ name: 'One' }, null, null]);
  });

  it('leaves fetches without repeats, or without representations, as they are, and an answer of the wrong length to the executor', () => {
    expect(dedupeRepresentations({ representations: [product('1'), product('2')] })).toBeNull();
    expect(dedupeRepresentations({ first: 5 })).toBeNull();
    expect(dedupeRepresentations(undefined)).toBeNull();
    const deduped = dedupeRepresentations({ representations: [product('1'), product('1')] })!;
    const wrong = { data: { _entities: [] } };
    expect(deduped.expand(wrong)).toBe(wrong);
  });
});
