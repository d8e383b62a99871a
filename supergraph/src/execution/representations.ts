/**
 * Entity representations sent once each. @apollo/gateway's executor sends an _entities fetch one representation per
 * occurrence of the entity in the response so far, so a deep query sends the same product dozens of times and the
 * subgraph resolves and serializes it as often. Identical representations (same JSON) are sent once and the answer
 * is spread back to every position, as the executor expects one entity per representation it built.
 */
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

interface Deduped {
  variables: Record<string, unknown>;
  /** The subgraph's answer to the unique representations, as the answer to the original ones (entities and error paths). */
  expand(response: Record<string, unknown>): Record<string, unknown>;
}

/** null when there is nothing to deduplicate (no representations, or all distinct). */
export function dedupeRepresentations(variables: Record<string, unknown> | undefined): Deduped | null {
  const representations = variables?.representations;
  if (!Array.isArray(representations) || representations.length < 2) return null;
  const uniqueIndex = new Map<string, number>();
  const unique: unknown[] = [];
  /** For each original position, its representation's position among the unique ones. */
  const positions = representations.map((representation) => {
    const key = JSON.stringify(representation);
    let at = uniqueIndex.get(key);
    if (at === undefined) {
      at = unique.length;
      uniqueIndex.set(key, at);
      unique.push(representation);
    }
    return at;
  });
  if (unique.length === representations.length) return null;
  return {
    variables: { ...variables, representations: unique },
    expand(response) {
      const data = response.data as { _entities?: unknown } | null | undefined;
      const entities = data?._entities;
      // Not the shape the executor accepts: it reports the mismatch itself.
      if (!Array.isArray(entities) || entities.length !== unique.length) return response;
      const used = new Array<boolean>(unique.length).fill(false);
      const expanded = positions.map((at) => {
        if (!used[at]) {
          used[at] = true;
          return entities[at];
        }
        return copy(entities[at]);
      });
      const out: Record<string, unknown> = { ...response, data: { ...data, _entities: expanded } };
      if (Array.isArray(response.errors)) {
        // An error at _entities[j] belongs to every position that sent representation j.
        out.errors = response.errors.flatMap((error: { path?: unknown[] }) => {
          const path = error.path;
          if (!Array.isArray(path) || path[0] !== '_entities' || typeof path[1] !== 'number') return [error];
          const matching = positions.flatMap((at, i) => (at === path[1] ? [i] : []));
          return matching.length ? matching.map((i) => ({ ...error, path: ['_entities', i, ...path.slice(2)] })) : [error];
        });
      }
      return out;
    },
  };
}
