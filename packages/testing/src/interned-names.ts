import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serialize } from 'node:v8';
import { parse, visit } from 'graphql';

export interface InternedNames {
  names: number;
  twoByte: number;
  answerOneByte: boolean;
}

/**
 * How many of a schema's names an object key now gets as a two-byte string (V8 interns a name once per process; see
 * @shop/server's internNamesOneByte), and whether a JSON answer keyed by all of them is one-byte. v8.serialize tags a
 * one-byte string '"' and a two-byte one 'c'. For test children: a fresh process, so nothing else interned them.
 */
export function internedNames(sdl: string): InternedNames {
  const names = new Set<string>();
  visit(parse(sdl), { Name: (node) => void names.add(node.value) });
  let twoByte = 0;
  for (const name of names) {
    const key: Record<string, number> = {};
    key[Buffer.from(name, 'latin1').toString('latin1')] = 1;
    if (serialize(Object.keys(key)[0])[2] !== 0x22) twoByte++;
  }
  const answer = JSON.stringify(Object.fromEntries([...names].map((name) => [name, 'x'])));
  return { names: names.size, twoByte, answerOneByte: serialize(answer)[2] === 0x22 };
}

/** Runs a test child (TypeScript, through tsx) in a fresh process; it prints internedNames(...) of what it built. */
export async function internedNamesInChild(child: string | URL, ...args: string[]): Promise<InternedNames> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child instanceof URL ? child.pathname : child, ...args]);
  return JSON.parse(stdout) as InternedNames;
}
