/**
 * startFederationSubgraphs(): the four subgraphs of The Guild's federation benchmark, in a process of their own
 * (optionally pinned to CPUs with taskset) or in this one, and the supergraph composed over their URLs, written to a
 * file any gateway can load.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { gql } from 'graphql-tag';
import { serveFederationSubgraphs, subgraphSdl, SUBGRAPH_NAMES, type SubgraphName } from './subgraphs/server.js';

export { SUBGRAPH_NAMES, type SubgraphName } from './subgraphs/server.js';

export interface FederationSubgraphs {
  urls: Record<SubgraphName, string>;
  supergraphSdl: string;
  /** The composed supergraph as a file, for `--supergraph <file>`; removed by stop(). */
  supergraphPath: string;
  /** The subgraphs' process (undefined when they run in this one). */
  pid: number | undefined;
  /** Requests each subgraph answered since start or the last reset. */
  requests(): Promise<Record<SubgraphName, number>>;
  resetRequests(): Promise<void>;
  stop(): Promise<void>;
}

export interface FederationSubgraphsOptions {
  /** Serve them in this process (tests) instead of a child process (benches, the default). */
  inProcess?: boolean;
  /** CPU list for taskset, e.g. "0": pins the child process. */
  cpus?: string;
}

/** Composes the benchmark's supergraph over the given subgraph URLs (throws with every composition error). */
export function composeFederationSupergraph(urls: Record<SubgraphName, string>): string {
  const result = composeServices(SUBGRAPH_NAMES.map((name) => ({ name, url: urls[name], typeDefs: gql(subgraphSdl(name)) })));
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return result.supergraphSdl;
}

export async function startFederationSubgraphs(options: FederationSubgraphsOptions = {}): Promise<FederationSubgraphs> {
  const served = options.inProcess ? await serveFederationSubgraphs() : await spawnSubgraphs(options.cpus);
  const supergraphSdl = composeFederationSupergraph(served.urls);
  const dir = mkdtempSync(join(tmpdir(), 'federation-bench-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraphSdl);
  const statsUrl = new URL('/stats', served.urls.accounts).href;
  return {
    urls: served.urls,
    supergraphSdl,
    supergraphPath,
    pid: 'child' in served ? served.child.pid : undefined,
    requests: async () => ('child' in served ? ((await (await fetch(statsUrl)).json()) as Record<SubgraphName, number>) : served.requests()),
    resetRequests: async () => {
      if ('child' in served) await fetch(`${statsUrl}/reset`, { method: 'POST' });
      else served.resetRequests();
    },
    stop: async () => {
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function spawnSubgraphs(cpus?: string) {
  const main = fileURLToPath(new URL('./subgraphs/main.ts', import.meta.url));
  const child: ChildProcess = fork(main, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    ...(cpus === undefined ? {} : { execPath: 'taskset', execArgv: ['-c', cpus, process.execPath, '--import', 'tsx'] }),
  });
  const urls = await new Promise<Record<SubgraphName, string>>((done, fail) => {
    child.once('message', (message: { type: 'ready'; urls: Record<SubgraphName, string> }) => done(message.urls));
    child.once('exit', (code) => fail(new Error(`the federation subgraphs exited (${code}) before they listened`)));
  });
  const exited = new Promise<void>((done) => (child.exitCode === null ? child.once('exit', () => done()) : done()));
  return {
    urls,
    child,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
