import type { Resolvers } from './__generated__/resolvers-types.js';

export const resolvers: Resolvers = {};
