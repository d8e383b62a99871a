import http from 'node:http';
import express, { type Express } from 'express';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** An express app on an ephemeral port, built by setup (which mounts the middleware under test). */
export async function serve(setup: (app: Express) => void): Promise<TestServer> {
  const app = express();
  setup(app);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
