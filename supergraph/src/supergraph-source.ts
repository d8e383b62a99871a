import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';

export interface SupergraphWatcher {
  /** A text that differs from the last one this source reported (or loaded). */
  onSupergraph(sdl: string): void;
  /** The supergraph could not be read (file missing, URL unreachable); the gateway keeps what it serves. */
  onError(error: unknown): void;
}

/** Where the gateway's supergraph comes from, and how it learns of a new one (supergraph-reload.ts applies them). */
export interface SupergraphSource {
  /** For logs. */
  readonly description: string;
  /** How long after a supergraph was refused because a subgraph did not answer it is tried again. */
  readonly retryMs: number;
  /** The supergraph to start with; throws when there is none. */
  load(): Promise<string>;
  /** Reports changes until the returned function is called. */
  watch(watcher: SupergraphWatcher): () => void;
}

/** Events come in bursts while a file is written; it is read once they stop. */
const FILE_SETTLE_MS = 100;
const FETCH_TIMEOUT_MS = 10_000;

/**
 * A supergraph file, read again whenever something changes in its folder. The folder is watched, not the file:
 * editors and `mv` replace the file (a new inode, which ends a watch on the old one), and a Kubernetes ConfigMap
 * swaps a symlink beside it. Write the file atomically (write elsewhere, then rename) so no half-written text is read.
 */
export function fileSupergraph(path: string, options: { retryMs?: number; settleMs?: number } = {}): SupergraphSource {
  const file = resolve(path);
  let last: string | undefined;
  return {
    description: file,
    retryMs: options.retryMs ?? 10_000,
    async load() {
      return (last = await readFile(file, 'utf8'));
    },
    watch(watcher) {
      let timer: NodeJS.Timeout | undefined;
      let reading = Promise.resolve();
      let stopped = false;
      const check = async () => {
        try {
          const text = await readFile(file, 'utf8');
          if (stopped || text === last) return;
          last = text;
          watcher.onSupergraph(text);
        } catch (error) {
          if (!stopped) watcher.onError(error);
        }
      };
      // One read at a time, so texts are reported in the order they were written.
      const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(() => void (reading = reading.then(check)), options.settleMs ?? FILE_SETTLE_MS);
      };
      const folder = watch(dirname(file), { persistent: false }, (_event, name) => {
        // Other files of the folder are ignored, except the unnamed events and the ..data symlink swaps of a ConfigMap.
        if (name === null || name === basename(file) || name.startsWith('..')) schedule();
      });
      folder.on('error', (error) => watcher.onError(error));
      // A change between load() and this watch would otherwise wait for the next one.
      schedule();
      return () => {
        stopped = true;
        clearTimeout(timer);
        folder.close();
      };
    },
  };
}

/**
 * A supergraph served over HTTP (a schema registry, an object store, a ConfigMap behind a web server), polled every
 * intervalMs. The ETag is sent back as If-None-Match, so an unchanged supergraph costs a 304.
 */
export function urlSupergraph(url: string, options: { intervalMs?: number } = {}): SupergraphSource {
  const intervalMs = options.intervalMs ?? 10_000;
  let etag: string | undefined;
  let last: string | undefined;
  /** null: unchanged (304). */
  const fetchText = async (): Promise<string | null> => {
    const response = await fetch(url, { headers: etag ? { 'if-none-match': etag } : {}, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (response.status === 304) return null;
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    const text = await response.text();
    etag = response.headers.get('etag') ?? undefined;
    return text;
  };
  return {
    description: url,
    retryMs: intervalMs,
    async load() {
      const text = await fetchText();
      if (text === null) throw new Error(`GET ${url} answered 304 to a first request`);
      return (last = text);
    },
    watch(watcher) {
      let timer: NodeJS.Timeout | undefined;
      let stopped = false;
      const poll = async () => {
        try {
          const text = await fetchText();
          if (!stopped && text !== null && text !== last) {
            last = text;
            watcher.onSupergraph(text);
          }
        } catch (error) {
          if (!stopped) watcher.onError(error);
        }
        // The next poll is timed from the end of this one: a slow server never gets two at once.
        if (!stopped) timer = setTimeout(() => void poll(), intervalMs).unref();
      };
      timer = setTimeout(() => void poll(), intervalMs).unref();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
  };
}

export interface SupergraphSourceConfig {
  SUPERGRAPH_PATH?: string;
  SUPERGRAPH_URL?: string;
  SUPERGRAPH_POLL_INTERVAL_MS: number;
}

/** SUPERGRAPH_URL when set (polled), else the file at SUPERGRAPH_PATH (watched), else defaultPath. */
export function supergraphSourceFromConfig(config: SupergraphSourceConfig, defaultPath: string): SupergraphSource {
  if (config.SUPERGRAPH_URL && config.SUPERGRAPH_PATH) throw new Error('Invalid configuration: set SUPERGRAPH_URL or SUPERGRAPH_PATH, not both.');
  if (config.SUPERGRAPH_URL) return urlSupergraph(config.SUPERGRAPH_URL, { intervalMs: config.SUPERGRAPH_POLL_INTERVAL_MS });
  return fileSupergraph(config.SUPERGRAPH_PATH ?? defaultPath, { retryMs: config.SUPERGRAPH_POLL_INTERVAL_MS });
}
