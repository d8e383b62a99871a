import { Supergraph } from '@apollo/federation-internals';
import { parse, visit } from 'graphql';

/** Every name of every supergraph built in this process, interned from one-byte copies (see buildSupergraph). */
const interned: Record<string, true> = Object.create(null);

/**
 * Supergraph.build, after interning the supergraph's names as one-byte (Latin-1) strings. V8 interns a property name
 * once per process, and the copy interned first is the one every object key with that name gets. Supergraph.build
 * validates by printing the schema and parsing the printout, which comes out as a two-byte (UTF-16) string although
 * all ASCII, so the names it interns are two-byte; every response object's keys then were too, JSON.stringify wrote
 * each answer two-byte, and turning it into bytes for the socket cost ~950 µs per TestQuery (87 KB answer) instead of
 * ~100 µs: 10% of the gateway's CPU on bench:federation. Interning first, from copies known to be one-byte, makes
 * those the copies everything gets; they are held here so that they stay the interned ones.
 */
export function buildSupergraph(supergraphSdl: string): Supergraph {
  visit(parse(supergraphSdl, { noLocation: true }), {
    Name(node) {
      // GraphQL names are ASCII, so Latin-1 copies them exactly; a two-byte SDL (fetched, say) slices two-byte names.
      interned[Buffer.from(node.value, 'latin1').toString('latin1')] = true;
    },
  });
  return Supergraph.build(supergraphSdl);
}
