import { Supergraph } from '@apollo/federation-internals';
import { internNamesOneByte } from '@shop/server';

/**
 * Supergraph.build, after interning the supergraph's names one-byte (see internNamesOneByte): it interns them
 * two-byte, and every answer's keys would be those. Every build of a supergraph in the gateway goes through here.
 */
export function buildSupergraph(supergraphSdl: string): Supergraph {
  internNamesOneByte(supergraphSdl);
  return Supergraph.build(supergraphSdl);
}
