import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, parse, print, type FieldNode, type GraphQLFormattedError } from 'graphql';

/**
 * The _entities fetches one execution sends a subgraph at the same time, as one request. @apollo/gateway's executor
 * sends one request per fetch node: the federation benchmark's TestQuery plan has 16 of them, several to the same
 * subgraph in the same parallel step (products for two paths, inventory for four). Here the fetches of one step go
 * as one request: fetches with the same operation concatenate their representations into one _entities list;
 * different operations become aliased _entities fields of one operation. Every representation is sent once (the
 * executor sends one per occurrence, and the TestQuery's deepest fetches hold 96 copies of one product); the answer
 * is spread back to every fetch and position as if each had been sent alone.
 */

export interface EntityFetch {
  query: string;
  operationName?: string;
  variables: Record<string, unknown> & { representations: unknown[] };
}

export interface BatchRequest {
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
  /** The fetches (indices into the batch) this request answers. */
  fetches: number[];
  /** The subgraph's answer, as each of `fetches` would have had it alone (entities, their positions, error paths). */
  answer(response: GatewayGraphQLResponse): GatewayGraphQLResponse[];
}

type Json = unknown;

/** A deep copy of parsed JSON: each position gets its own objects, as the executor merges into them in place. */
function copy(value: Json): Json {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, Json> = {};
    for (const key in value) out[key] = copy((value as Record<string, Json>)[key]);
    return out;
  }
  return value;
}

/** An entity fetch as the query planner writes it when the fetch has no variables but $representations. */
interface EntitiesOperation {
  /** The selection set of its _entities field, as text. */
  selection: string;
  /** Its fragment definitions by name, as text. */
  fragments: Map<string, string>;
}

const operations = new Map<string, EntitiesOperation | null>();
const OPERATIONS_KEPT = 1000;

/** The operation's _entities selection and fragments, or null when it is anything else (then it is sent as it is). */
function entitiesOperation(query: string): EntitiesOperation | null {
  let known = operations.get(query);
  if (known === undefined) {
    known = readEntitiesOperation(query);
    if (operations.size >= OPERATIONS_KEPT) operations.clear();
    operations.set(query, known);
  }
  return known;
}

function readEntitiesOperation(query: string): EntitiesOperation | null {
  let document;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return null;
  }
  const [operation, ...others] = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || others.length > 0 || operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return null;
  if (operation.directives?.length || operation.variableDefinitions?.length !== 1 || operation.variableDefinitions[0]!.variable.name.value !== 'representations') return null;
  const [field, ...rest] = operation.selectionSet.selections;
  if (!field || rest.length > 0 || field.kind !== Kind.FIELD) return null;
  const entities = field as FieldNode;
  const argument = entities.arguments?.[0];
  if (entities.name.value !== '_entities' || entities.alias || entities.directives?.length || entities.arguments?.length !== 1 || !entities.selectionSet) return null;
  if (argument!.name.value !== 'representations' || argument!.value.kind !== Kind.VARIABLE || argument!.value.name.value !== 'representations') return null;
  const fragments = new Map<string, string>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, print(definition));
  return { selection: print(entities.selectionSet), fragments };
}

/**
 * The distinct representations of a group, to send each once. Representations are mostly flat ({ __typename, id }):
 * they are found through a tree of Maps, one level per field name and one per value (Map keys keep 1, "1", true and
 * null apart), so looking one up builds no key. Keying each by JSON.stringify instead allocated a string per
 * representation (8% of the gateway's allocations on the TestQuery) and took 6.6 times as long (node 20, 1,200
 * representations of the TestQuery's shape, 300 rounds). A nested value is keyed by its JSON text under a level of
 * its own.
 */
class RepresentationIndex {
  private readonly root: Level = new Map();

  /** The index `representation` already has, or `next` (then remembered for it). */
  indexOf(representation: unknown, next: number): number {
    let level = this.root;
    if (typeof representation !== 'object' || representation === null) {
      level = below(below(level, NESTED), JSON.stringify(representation));
    } else {
      for (const field in representation) {
        const value = (representation as Record<string, unknown>)[field];
        level = below(level, field);
        level = typeof value === 'object' && value !== null ? below(below(level, NESTED), JSON.stringify(value)) : below(level, value);
      }
    }
    const known = level.get(END);
    if (known !== undefined) return known as number;
    level.set(END, next);
    return next;
  }
}
type Level = Map<unknown, Level | number>;
const END = Symbol('end of representation');
const NESTED = Symbol('nested value');
function below(level: Level, key: unknown): Level {
  let next = level.get(key) as Level | undefined;
  if (next === undefined) level.set(key, (next = new Map()));
  return next;
}

/** Fetches with the same operation and variables, their representations concatenated and each sent once. */
class Group {
  readonly fetches: number[] = [];
  /** Where each fetch's representations start in the concatenated list. */
  private readonly offsets: number[] = [];
  private length = 0;
  readonly unique: unknown[] = [];
  private readonly uniqueIndex = new RepresentationIndex();
  /** For each concatenated position, its representation's index in `unique`. */
  private readonly positions: number[] = [];

  constructor(
    readonly query: string,
    readonly operationName: string | undefined,
    readonly variables: Record<string, unknown>,
  ) {}

  add(index: number, representations: unknown[]) {
    this.fetches.push(index);
    this.offsets.push(this.length);
    this.length += representations.length;
    for (const representation of representations) {
      const at = this.uniqueIndex.indexOf(representation, this.unique.length);
      if (at === this.unique.length) this.unique.push(representation);
      this.positions.push(at);
    }
  }

  /** Each fetch's entities: the first position of a representation gets the subgraph's object, the others copies. */
  entities(entities: Json): Json[] {
    if (!Array.isArray(entities) || entities.length !== this.unique.length) {
      // Not the shape the executor accepts: it reports the mismatch itself, for each fetch.
      return this.fetches.map(() => entities);
    }
    const used = new Array<boolean>(entities.length).fill(false);
    return this.fetches.map((_, k) => {
      const [start, end] = this.range(k);
      const own: Json[] = [];
      for (let i = start; i < end; i++) {
        const at = this.positions[i]!;
        own.push(used[at] ? copy(entities[at]) : entities[at]);
        used[at] = true;
      }
      return own;
    });
  }

  /** An error at the sent representation `at`, for every fetch and position that asked for it: [fetch k, path]. */
  *errorsAt(at: number, rest: readonly (string | number)[]): Generator<[number, (string | number)[]]> {
    for (let k = 0; k < this.fetches.length; k++) {
      const [start, end] = this.range(k);
      for (let i = start; i < end; i++) if (this.positions[i] === at) yield [k, ['_entities', i - start, ...rest]];
    }
  }

  /** Fetch k's positions in the concatenated list: [start, end). */
  private range(k: number): [number, number] {
    return [this.offsets[k]!, k + 1 < this.offsets.length ? this.offsets[k + 1]! : this.length];
  }
}

/**
 * One request per group that cannot merge (an operation of another shape, or with variables of its own) and one for
 * all the groups that can, their _entities fields aliased _0, _1, … (one group keeps its operation as it is).
 */
export function batchRequests(fetches: readonly EntityFetch[]): BatchRequest[] {
  const groups = new Map<string, Group>();
  fetches.forEach((fetch, index) => {
    const { representations, ...others } = fetch.variables;
    const hasOthers = Object.keys(others).length > 0;
    const key = hasOthers ? `${fetch.query}\n${JSON.stringify(others)}` : fetch.query;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Group(fetch.query, fetch.operationName, others)));
    group.add(index, representations);
  });

  const requests: BatchRequest[] = [];
  const merged: { group: Group; operation: EntitiesOperation }[] = [];
  const fragments = new Map<string, string>();
  for (const group of groups.values()) {
    const operation = Object.keys(group.variables).length === 0 ? entitiesOperation(group.query) : null;
    // Fragments of one plan never clash; anything else is sent on its own rather than renamed.
    if (operation && [...operation.fragments].every(([name, text]) => (fragments.get(name) ?? text) === text)) {
      for (const [name, text] of operation.fragments) fragments.set(name, text);
      merged.push({ group, operation });
    } else {
      requests.push(alone(group));
    }
  }
  if (merged.length === 1) requests.unshift(alone(merged[0]!.group));
  else if (merged.length > 1) requests.unshift(together(merged, fragments));
  return requests;
}

/** One group as its own request: its operation as written, its representations each sent once. */
function alone(group: Group): BatchRequest {
  return {
    query: group.query,
    operationName: group.operationName,
    variables: { ...group.variables, representations: group.unique },
    fetches: group.fetches,
    answer: (response) => answerGroups([group], ['_entities'], response)[0]!,
  };
}

function together(merged: { group: Group; operation: EntitiesOperation }[], fragments: Map<string, string>): BatchRequest {
  const aliases = merged.map((_, g) => `_${g}`);
  const { operationName } = merged[0]!.group;
  const variables: Record<string, unknown> = {};
  merged.forEach(({ group }, g) => (variables[`r${g}`] = group.unique));
  const definitions = merged.map((_, g) => `$r${g}:[_Any!]!`).join(',');
  const fields = merged.map(({ operation }, g) => `${aliases[g]}:_entities(representations:$r${g})${operation.selection}`).join(' ');
  const query = [`query${operationName ? ` ${operationName}` : ''}(${definitions}){${fields}}`, ...fragments.values()].join('\n\n');
  const groups = merged.map(({ group }) => group);
  return {
    query,
    operationName,
    variables,
    fetches: groups.flatMap((group) => group.fetches),
    answer: (response) => answerGroups(groups, aliases, response).flat(),
  };
}

/** Each group's answers, per fetch: its entities under data._entities and the errors that concern it. */
function answerGroups(groups: Group[], aliases: string[], response: GatewayGraphQLResponse): GatewayGraphQLResponse[][] {
  const { data, errors, ...rest } = response;
  const errorsOf = groups.map((group) => group.fetches.map((): GraphQLFormattedError[] => []));
  const toGroup = (g: number, error: GraphQLFormattedError) => errorsOf[g]!.forEach((list) => list.push(error));
  for (const error of errors ?? []) {
    const path = error.path;
    const g = path ? aliases.indexOf(path[0] as string) : -1;
    if (g < 0) {
      // Not under one fetch's entities (the request as a whole): every fetch it answers had it.
      groups.forEach((_, h) => toGroup(h, error));
      continue;
    }
    const at = path![1];
    let placed = false;
    if (typeof at === 'number') {
      for (const [k, own] of groups[g]!.errorsAt(at, path!.slice(2))) {
        errorsOf[g]![k]!.push({ ...error, path: own });
        placed = true;
      }
    }
    if (!placed) toGroup(g, { ...error, path: ['_entities', ...path!.slice(1)] });
  }
  return groups.map((group, g) => {
    const entities = data ? group.entities(data[aliases[g]!]) : undefined;
    return group.fetches.map((_, k) => {
      const answer: GatewayGraphQLResponse = { ...rest, data: data ? { _entities: entities![k] } : data };
      if (errorsOf[g]![k]!.length > 0) answer.errors = errorsOf[g]![k];
      return answer;
    });
  });
}
