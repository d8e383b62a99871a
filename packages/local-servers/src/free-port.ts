import { createServer } from 'node:net';

/**
 * A port to listen on later, possibly from another process (npm start, a broker booting seconds afterwards).
 *
 * A port from listen(0) is in Linux's ephemeral range (32768-60999), so between closing it and the real bind it can be
 * handed to any process's outgoing connection or to another test file's listen(0): EADDRINUSE in CI. These come from
 * below that range, from a block of their own per Vitest worker (VITEST_POOL_ID), and one process never hands out the
 * same port twice, so two test files running side by side never pick the same one.
 */
const FIRST_PORT = 20_000;
const BLOCK_SIZE = 1_500; // eight blocks fit below 32768
const BLOCKS = 8;

const block = Number(process.env.VITEST_POOL_ID ?? 0) % BLOCKS;
const handedOut = new Set<number>();
let next = Math.floor(Math.random() * BLOCK_SIZE);

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let tried = 0; tried < BLOCK_SIZE; tried++) {
    const port = FIRST_PORT + block * BLOCK_SIZE + (next++ % BLOCK_SIZE);
    if (handedOut.has(port)) continue;
    if (await bindable(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port left in ${FIRST_PORT + block * BLOCK_SIZE}-${FIRST_PORT + (block + 1) * BLOCK_SIZE - 1}`);
}
