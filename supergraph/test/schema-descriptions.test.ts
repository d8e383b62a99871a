import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { descriptionCoverage, formatCoverage, servedApiSchema } from '../src/description-coverage.js';

// What counts, and what is skipped and why (introspection, built-in scalars and directives, federation's own), is
// in descriptionCoverage's comment: the same walk gives the coverage numbers (tsx supergraph/src/description-coverage.ts).
describe('API schema descriptions', () => {
  it('every type, field, argument, input field and enum value the gateway serves has a description', () => {
    const coverage = descriptionCoverage(servedApiSchema());
    console.log(`description coverage: ${formatCoverage(coverage)}`);
    expect(coverage.undescribed, 'describe these in subgraphs/*/schema.graphql, then npm run compose').toEqual([]);
    for (const { described, total } of Object.values(coverage.counts)) expect(described).toBe(total);
  });

  it('the walk finds an undescribed type, field, argument, input field and enum value, and skips what clients cannot change', () => {
    const schema = buildSchema(`
      "Reads." type Query { "One thing." thing(id: ID!, "Described." kind: Kind): Thing }
      type Thing { "Its id." id: ID! name: String }
      input Filter { "Described." a: Int b: Int }
      "Kinds." enum Kind { "Described." A B }
      type Mutation { "Uses Filter." run(filter: Filter): Int }
    `);
    const coverage = descriptionCoverage(schema);
    expect(coverage.undescribed).toEqual(['Filter', 'Filter.b', 'Kind.B', 'Mutation', 'Mutation.run(filter)', 'Query.thing(id)', 'Thing', 'Thing.name']);
    expect(coverage.counts).toEqual({
      types: { described: 2, total: 5 },
      fields: { described: 4, total: 6 },
      arguments: { described: 1, total: 3 },
      enumValues: { described: 1, total: 2 },
    });
  });
});
