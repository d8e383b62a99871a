import type { ApolloServerPlugin } from '@apollo/server';
import type {
  ASTNode,
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from 'graphql';
import { Kind } from 'graphql';
import { z } from 'zod';
import { graphql } from './subscriptions/graphql-runtime.js';

// The graphql instance @apollo/gateway and graphql-ws use: their schemas are read, and errors made, with it (Kind is plain strings).
const { GraphQLError, getNamedType, getNullableType, isCompositeType, isListType } = graphql;

/**
 * What one operation may ask of the gateway, checked before anything is planned or sent to a subgraph.
 *
 * Counting (every fragment spread counts as many times as it is spread, so fragments cannot hide a bomb; each
 * fragment is measured once, so a fragment bomb cannot make the measuring itself slow):
 * - depth: fields nested in fields; the introspection meta-fields __schema and __type are not counted (Sandbox's
 *   introspection query is deeper than any shop query; whether introspection is served at all is its own switch).
 * - aliases: every aliased field, `__typename` included.
 * - root fields: the fields of the operation's top-level selection.
 * - directives: every directive use in the operation.
 * - tokens: graphql-js's own parse limit, so an oversize document is refused before it is even parsed whole.
 * - cost: every object field costs 1, scalars 0, and a field's selection is multiplied by the size of the list it
 *   returns: `first`/`last` (the value sent, its default, capped at maxListSize, the largest page a subgraph serves)
 *   or defaultListSize for a plain list. A connection's `first` sizes its `edges`/`nodes` list.
 *
 * Error codes (extensions.code, HTTP 400): QUERY_TOO_DEEP, TOO_MANY_ALIASES, TOO_MANY_ROOT_FIELDS,
 * TOO_MANY_DIRECTIVES, TOO_MANY_TOKENS, QUERY_TOO_COMPLEX.
 */
export interface OperationLimitSettings {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** The size assumed for a list with no first/last argument (order lines, categories, warehouses). */
  defaultListSize: number;
  /** The largest page a client can get (packages/common zFirst); larger first/last values are refused downstream. */
  maxListSize: number;
  /** Bytes of a request body (JSON); larger answers 413. */
  maxBodyBytes: number;
  /** Several operations in one HTTP request (an array body); off, an array body answers 400. */
  batching: boolean;
  /** __schema/__type queries; on in development (Sandbox), off in production. */
  introspection: boolean;
  /** "Did you mean …" in validation errors; on in development, hidden in production (they map the schema for a stranger). */
  fieldSuggestions: boolean;
}

export const LIMIT_CODES = ['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_ROOT_FIELDS', 'TOO_MANY_DIRECTIVES', 'TOO_MANY_TOKENS', 'QUERY_TOO_COMPLEX'] as const;
export type LimitCode = (typeof LIMIT_CODES)[number];

/** The production defaults; development differs only in introspection and suggestions. */
export const DEFAULT_OPERATION_LIMITS: OperationLimitSettings = {
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxDirectives: 30,
  maxTokens: 2000,
  maxCost: 5000,
  defaultListSize: 20,
  maxListSize: 100,
  maxBodyBytes: 1024 * 1024,
  batching: false,
  introspection: false,
  fieldSuggestions: false,
};

export function defaultOperationLimits(development: boolean): OperationLimitSettings {
  return { ...DEFAULT_OPERATION_LIMITS, introspection: development, fieldSuggestions: development };
}

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const onOff = z.enum(['on', 'off']).optional();

/** The environment's names for the settings (docs/security.md). Unset switches follow NODE_ENV. */
export const operationLimitsEnv = z.object({
  GRAPHQL_MAX_DEPTH: count(DEFAULT_OPERATION_LIMITS.maxDepth),
  GRAPHQL_MAX_ALIASES: count(DEFAULT_OPERATION_LIMITS.maxAliases),
  GRAPHQL_MAX_ROOT_FIELDS: count(DEFAULT_OPERATION_LIMITS.maxRootFields),
  GRAPHQL_MAX_DIRECTIVES: count(DEFAULT_OPERATION_LIMITS.maxDirectives),
  GRAPHQL_MAX_TOKENS: count(DEFAULT_OPERATION_LIMITS.maxTokens),
  GRAPHQL_MAX_COST: count(DEFAULT_OPERATION_LIMITS.maxCost),
  GRAPHQL_DEFAULT_LIST_SIZE: count(DEFAULT_OPERATION_LIMITS.defaultListSize),
  GRAPHQL_MAX_LIST_SIZE: count(DEFAULT_OPERATION_LIMITS.maxListSize),
  GRAPHQL_MAX_BODY_BYTES: count(DEFAULT_OPERATION_LIMITS.maxBodyBytes),
  GRAPHQL_BATCHING: z.enum(['on', 'off']).default('off'),
  GRAPHQL_INTROSPECTION: onOff,
  GRAPHQL_FIELD_SUGGESTIONS: onOff,
});

/** Settings from the environment; introspection and suggestions default to on in development, off in production. */
export function operationLimitsFromEnv(env: z.infer<typeof operationLimitsEnv>, development: boolean): OperationLimitSettings {
  const defaults = defaultOperationLimits(development);
  return {
    maxDepth: env.GRAPHQL_MAX_DEPTH,
    maxAliases: env.GRAPHQL_MAX_ALIASES,
    maxRootFields: env.GRAPHQL_MAX_ROOT_FIELDS,
    maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
    maxTokens: env.GRAPHQL_MAX_TOKENS,
    maxCost: env.GRAPHQL_MAX_COST,
    defaultListSize: env.GRAPHQL_DEFAULT_LIST_SIZE,
    maxListSize: env.GRAPHQL_MAX_LIST_SIZE,
    maxBodyBytes: env.GRAPHQL_MAX_BODY_BYTES,
    batching: env.GRAPHQL_BATCHING === 'on',
    introspection: env.GRAPHQL_INTROSPECTION ? env.GRAPHQL_INTROSPECTION === 'on' : defaults.introspection,
    fieldSuggestions: env.GRAPHQL_FIELD_SUGGESTIONS ? env.GRAPHQL_FIELD_SUGGESTIONS === 'on' : defaults.fieldSuggestions,
  };
}

/** A limit the operation broke: a client's error with its own code and HTTP 400. */
export class OperationLimitError extends GraphQLError {
  constructor(code: LimitCode, message: string, nodes?: readonly ASTNode[]) {
    super(message, { nodes, extensions: { code, http: { status: 400 } } });
  }
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);
const SIZE_ARGUMENTS = ['first', 'last'];

type Fragments = Map<string, FragmentDefinitionNode>;

/** The measures of one operation; each fragment is measured once and reused for every spread of it. */
class OperationMeasure {
  private readonly memo = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(private readonly fragments: Fragments) {}

  /** Sums (or maxes) a measure over a selection set, following fragments; a fragment cycle (refused by graphql-js's own rule) counts 0. */
  private over(selectionSet: SelectionSetNode | undefined, kind: string, field: (node: FieldNode) => number, combine: 'sum' | 'max'): number {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      let value = 0;
      if (selection.kind === Kind.FIELD) value = field(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) value = this.over(selection.selectionSet, kind, field, combine) + this.directivesOn(kind, selection);
      else value = this.fragment(selection.name.value, kind, field, combine) + this.directivesOn(kind, selection);
      total = combine === 'sum' ? total + value : Math.max(total, value);
    }
    return total;
  }

  private directivesOn(kind: string, node: { directives?: readonly unknown[] }): number {
    return kind === 'directives' ? (node.directives?.length ?? 0) : 0;
  }

  private fragment(name: string, kind: string, field: (node: FieldNode) => number, combine: 'sum' | 'max'): number {
    const key = `${kind}:${name}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const definition = this.fragments.get(name);
    if (!definition || this.visiting.has(key)) return 0;
    this.visiting.add(key);
    const value = this.over(definition.selectionSet, kind, field, combine) + this.directivesOn(kind, definition);
    this.visiting.delete(key);
    this.memo.set(key, value);
    return value;
  }

  depth(selectionSet: SelectionSetNode): number {
    const field = (node: FieldNode): number => (INTROSPECTION_ROOTS.has(node.name.value) ? 0 : 1 + this.over(node.selectionSet, 'depth', field, 'max'));
    return this.over(selectionSet, 'depth', field, 'max');
  }

  aliases(selectionSet: SelectionSetNode): number {
    const field = (node: FieldNode): number => (node.alias ? 1 : 0) + this.over(node.selectionSet, 'aliases', field, 'sum');
    return this.over(selectionSet, 'aliases', field, 'sum');
  }

  rootFields(selectionSet: SelectionSetNode): number {
    // __typename asks no subgraph anything; a flood of it is counted as aliases.
    return this.over(selectionSet, 'root', (node) => (node.name.value === '__typename' ? 0 : 1), 'sum');
  }

  directives(operation: OperationDefinitionNode): number {
    const field = (node: FieldNode): number => (node.directives?.length ?? 0) + this.over(node.selectionSet, 'directives', field, 'sum');
    return (operation.directives?.length ?? 0) + this.over(operation.selectionSet, 'directives', field, 'sum');
  }
}

function fragmentsOf(document: DocumentNode): Fragments {
  const fragments: Fragments = new Map();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

/** The first limit the operation breaks, checked in a fixed order so the answer is stable. */
function firstViolation(settings: OperationLimitSettings, fragments: Fragments, operation: OperationDefinitionNode): OperationLimitError | null {
  const measure = new OperationMeasure(fragments);
  const checks: [LimitCode, () => number, number, (n: number) => string][] = [
    ['QUERY_TOO_DEEP', () => measure.depth(operation.selectionSet), settings.maxDepth, (max) => `The operation is nested too deeply: at most ${max} levels of fields are allowed.`],
    ['TOO_MANY_ALIASES', () => measure.aliases(operation.selectionSet), settings.maxAliases, (max) => `The operation uses too many aliases: at most ${max} are allowed.`],
    ['TOO_MANY_ROOT_FIELDS', () => measure.rootFields(operation.selectionSet), settings.maxRootFields, (max) => `The operation asks for too many top-level fields: at most ${max} are allowed.`],
    ['TOO_MANY_DIRECTIVES', () => measure.directives(operation), settings.maxDirectives, (max) => `The operation uses too many directives: at most ${max} are allowed.`],
  ];
  for (const [code, measured, max, message] of checks) if (measured() > max) return new OperationLimitError(code, message(max), [operation]);
  return null;
}

/** Estimated cost of an operation (see the top of this file); variables unknown (validation) count as maxListSize. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  settings: Pick<OperationLimitSettings, 'defaultListSize' | 'maxListSize'>,
  variables?: Record<string, unknown>,
): number {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;

  const sizeOf = (node: FieldNode): number | null => {
    const argument = node.arguments?.find((a) => SIZE_ARGUMENTS.includes(a.name.value));
    if (!argument) return null;
    const value = valueOf(argument.value);
    const size = typeof value === 'number' && Number.isFinite(value) ? value : settings.maxListSize;
    return Math.min(Math.max(size, 0), settings.maxListSize);
  };
  const valueOf = (value: ValueNode): unknown => {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      if (variables && value.name.value in variables) return variables[value.name.value];
      const declared = operation.variableDefinitions?.find((d) => d.variable.name.value === value.name.value)?.defaultValue;
      return declared ? valueOf(declared) : variables ? undefined : settings.maxListSize;
    }
    return undefined;
  };
  const sizeDefault = (definition: GraphQLField<unknown, unknown>): number | null => {
    const argument = definition.args.find((a) => SIZE_ARGUMENTS.includes(a.name));
    return typeof argument?.defaultValue === 'number' ? Math.min(argument.defaultValue, settings.maxListSize) : null;
  };

  /** listSize: the size a connection's `first` gave to the lists right below it. */
  const costOf = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType, listSize: number | null): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
        total += costOf(selection.selectionSet, type ?? parent, listSize);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const key = `${selection.name.value}:${listSize}`;
        const definition = fragments.get(selection.name.value);
        if (!definition || visiting.has(key)) continue;
        let cost = memo.get(key);
        if (cost === undefined) {
          visiting.add(key);
          const type = (schema.getType(definition.typeCondition.name.value) as GraphQLCompositeType | undefined) ?? parent;
          cost = costOf(definition.selectionSet, type, listSize);
          visiting.delete(key);
          memo.set(key, cost);
        }
        total += cost;
      } else {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        const definition = 'getFields' in parent ? parent.getFields()[name] : undefined;
        if (!definition) continue;
        const named = getNamedType(definition.type);
        if (!isCompositeType(named)) continue;
        const own = sizeOf(selection) ?? sizeDefault(definition);
        const isList = isListType(getNullableType(definition.type));
        // A list is as long as its own first/last, else as its connection's, else the assumed length.
        const multiplier = isList ? (own ?? listSize ?? settings.defaultListSize) : 1;
        total += 1 + multiplier * costOf(selection.selectionSet, named, isList ? null : own);
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, rootType, null);
}

function tooComplex(cost: number, max: number, operation: OperationDefinitionNode): OperationLimitError {
  return new OperationLimitError('QUERY_TOO_COMPLEX', `The operation is too complex: its estimated cost is ${cost}, at most ${max} is allowed. Ask for smaller pages or fewer nested lists.`, [operation]);
}

export interface OperationLimits {
  settings: OperationLimitSettings;
  /** For Apollo Server and for the subscription server (graphql-ws): depth, aliases, root fields, directives; cost for subscriptions. */
  validationRules: ValidationRule[];
  /** Queries and mutations: the cost with the request's own variables, once the operation is known. */
  plugin: ApolloServerPlugin;
  parseOptions: { maxTokens: number };
}

export function createOperationLimits(settings: OperationLimitSettings): OperationLimits {
  const rule: ValidationRule = (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const violation = firstViolation(settings, fragments, operation);
        if (violation) return context.reportError(violation);
        // A subscription's variables are not known here; its selection runs once per event, so it is bounded pessimistically.
        if (operation.operation === 'subscription') {
          const cost = operationCost(context.getSchema(), context.getDocument(), operation, settings);
          if (cost > settings.maxCost) context.reportError(tooComplex(cost, settings.maxCost, operation));
        }
      },
    };
  };
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation || operation.operation === 'subscription') return;
          const cost = operationCost(schema, document, operation, settings, request.variables ?? {});
          if (cost > settings.maxCost) throw tooComplex(cost, settings.maxCost, operation);
        },
      };
    },
  };
  return { settings, validationRules: [rule], plugin, parseOptions: { maxTokens: settings.maxTokens } };
}
