/** A JSON object (not an array, not null), as subgraph answers and merged results hold them. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An own property: data parsed from JSON may carry keys such as "constructor" that objects also inherit. */
export const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
