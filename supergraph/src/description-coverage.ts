import { readFileSync } from 'node:fs';
import { printSchema as printFederationSchema } from '@apollo/federation-internals';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { schemaDir } from './compose.js';
import { buildSupergraph } from './supergraph-build.js';

export type ElementKind = 'types' | 'fields' | 'arguments' | 'enumValues';

export interface DescriptionCoverage {
  /** Per kind: how many have a description, of how many. Input fields count as fields. */
  counts: Record<ElementKind, { described: number; total: number }>;
  /** Every element without a description: Type, Type.field, Type.field(arg), Input.field or Enum.VALUE. */
  undescribed: string[];
}

/** The API schema exactly as @apollo/gateway derives it from the supergraph and serves it to the Sandbox. */
export function servedApiSchema(supergraphSdl = readFileSync(`${schemaDir}supergraph.graphql`, 'utf8')): GraphQLSchema {
  // Printed and re-parsed: federation's CommonJS graphql objects are not this ESM module's instances.
  return buildSchema(printFederationSchema(buildSupergraph(supergraphSdl).apiSchema()));
}

const described = (description: string | null | undefined) => Boolean(description?.trim());

/**
 * Walks types, fields, arguments, input fields and enum values of a client-facing schema. Skipped, because no client
 * of this API can change or needs them: introspection types (__Schema, __Type…, described by the GraphQL spec),
 * the five built-in scalars (String, Int…, spec-defined) and directives (@include, @skip, @deprecated… are built in;
 * federation's own, like @key or @join__type, and its _Entity/_Service/_entities are removed from the API schema,
 * so a name starting with "_" here would be one of them that leaked, and is skipped for the same reason).
 */
export function descriptionCoverage(schema: GraphQLSchema): DescriptionCoverage {
  const counts: DescriptionCoverage['counts'] = {
    types: { described: 0, total: 0 }, fields: { described: 0, total: 0 }, arguments: { described: 0, total: 0 }, enumValues: { described: 0, total: 0 },
  };
  const undescribed: string[] = [];
  const count = (kind: ElementKind, name: string, description: string | null | undefined) => {
    counts[kind].total += 1;
    if (described(description)) counts[kind].described += 1;
    else undescribed.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('_') || isSpecifiedScalarType(type)) continue;
    count('types', type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        count('fields', `${type.name}.${field.name}`, field.description);
        for (const arg of field.args) count('arguments', `${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) count('fields', `${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) count('enumValues', `${type.name}.${value.name}`, value.description);
    }
  }
  return { counts, undescribed: undescribed.sort() };
}

export const formatCoverage = ({ counts }: DescriptionCoverage) =>
  (Object.entries(counts) as [ElementKind, { described: number; total: number }][]).map(([kind, { described: d, total }]) => `${kind} ${d}/${total}`).join(', ');

if (import.meta.url === `file://${process.argv[1]}`) {
  // `tsx supergraph/src/description-coverage.ts [supergraph.graphql] [--list]`: the numbers for a release note.
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const coverage = descriptionCoverage(servedApiSchema(file ? readFileSync(file, 'utf8') : undefined));
  console.log(formatCoverage(coverage));
  if (process.argv.includes('--list')) console.log(coverage.undescribed.join('\n'));
}
