import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface RabbitMqServer {
  /** amqp://guest:guest@127.0.0.1:<port> */
  url: string;
  /** Graceful stop (SIGTERM to the broker's VM), then removes the data folder and stops this node's own epmd. */
  stop(): Promise<void>;
  /** SIGKILLs the Erlang VM (a crash); the data folder stays for restart(). */
  kill(): Promise<void>;
  /** Starts the node again on the same ports and data folder: durable queues and persistent messages come back. */
  restart(): Promise<void>;
}

const BIN = '/usr/lib/rabbitmq/bin';
const START_TIMEOUT_MS = 60_000;

/**
 * A throwaway RabbitMQ node from apt's binaries (`apt-get install -y rabbitmq-server`), or TEST_RABBITMQ_URL when set.
 * Each node runs its own epmd on its own port, so parallel test files never share (or stop) each other's epmd; everything
 * lives in one temp folder, owned by the rabbitmq user when we are root (the broker refuses to run as root).
 */
export async function startRabbitMq(): Promise<RabbitMqServer> {
  const external = process.env.TEST_RABBITMQ_URL;
  if (external) {
    const unsupported = async () => {
      throw new Error('not supported with TEST_RABBITMQ_URL: the broker is not ours to crash or restart');
    };
    return { url: external, stop: async () => {}, kill: unsupported, restart: unsupported };
  }
  if (!existsSync(join(BIN, 'rabbitmq-server'))) throw new Error(`RabbitMQ not found in ${BIN}: apt-get install -y rabbitmq-server, or set TEST_RABBITMQ_URL.`);

  const [amqpPort, distPort, epmdPort] = [await freePort(), await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'rabbitmq-test-'));
  const home = join(dir, 'home');
  for (const sub of [home, join(dir, 'mnesia'), join(dir, 'log')]) mkdirSync(sub, { recursive: true });
  writeFileSync(join(home, '.erlang.cookie'), randomBytes(16).toString('hex'), { mode: 0o400 });
  writeFileSync(join(dir, 'enabled_plugins'), '[].\n');
  writeFileSync(join(dir, 'rabbitmq-env.conf'), '');
  const user = brokerUser();
  if (user) chownTree(dir, user.uid, user.gid);

  const nodename = `test-${randomBytes(4).toString('hex')}@localhost`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    RABBITMQ_NODENAME: nodename,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(amqpPort),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_PID_FILE: join(dir, 'beam.pid'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    // Keep the machine's /etc/rabbitmq out of it.
    RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq'),
    RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    ERL_EPMD_PORT: String(epmdPort),
  };
  const url = `amqp://guest:guest@127.0.0.1:${amqpPort}`;
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};

  // Started by us (not by the broker's `epmd -daemon`), so we hold its PID and stop exactly this one.
  const epmd = spawn('epmd', ['-port', String(epmdPort), '-address', '127.0.0.1'], { env, stdio: 'ignore', ...asUser });
  let server: ChildProcess | undefined;
  let output = '';

  const beamPid = (): number | undefined => {
    const file = join(dir, 'beam.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) || undefined : undefined;
  };
  // If the test process dies without stop(), the broker must not outlive it.
  const onExit = () => {
    for (const pid of [beamPid(), epmd.pid]) if (pid) try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  process.once('exit', onExit);

  const start = async () => {
    rmSync(join(dir, 'beam.pid'), { force: true });
    output = '';
    const child = spawn(join(BIN, 'rabbitmq-server'), [], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], ...asUser });
    child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    server = child;
    await waitForAmqp(url, child, () => output);
  };
  const exited = (child: ChildProcess | undefined) =>
    !child || child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));

  try {
    await start();
  } catch (err) {
    onExit();
    process.off('exit', onExit);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  return {
    url,
    async stop() {
      try {
        if (server && server.exitCode === null && server.signalCode === null) {
          // SIGTERM to the Erlang VM is RabbitMQ's own graceful stop (rabbit_prelaunch_sighandler: queues and message
          // stores close as with `rabbitmqctl stop`), without booting a second VM for the CLI: 1.2-1.6 s instead of
          // 9-12 s per node on this loaded machine.
          const pid = beamPid();
          if (pid) process.kill(pid, 'SIGTERM');
          else server.kill('SIGTERM');
          await exited(server);
        }
      } finally {
        onExit();
        process.off('exit', onExit);
        await exited(epmd);
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async kill() {
      const pid = beamPid();
      if (!pid) throw new Error('RabbitMQ is not running');
      process.kill(pid, 'SIGKILL');
      await exited(server);
    },
    async restart() {
      if (server && server.exitCode === null && server.signalCode === null) throw new Error('RabbitMQ is still running: kill() it first');
      await start();
    },
  };
}

/** Polls with a real AMQP handshake (the port opens a little before the broker accepts connections). */
async function waitForAmqp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const amqp = await import('amqplib');
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`rabbitmq-server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    try {
      const connection = await amqp.connect(url, { timeout: 2000 });
      await connection.close();
      return;
    } catch (err) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`RabbitMQ did not accept AMQP connections within ${START_TIMEOUT_MS / 1000} s: ${(err as Error).message}\n${output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The broker runs as the rabbitmq user when we are root; as ourselves otherwise. */
function brokerUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'rabbitmq'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('user rabbitmq not found: apt-get install -y rabbitmq-server');
  return { uid, gid: id('-g') };
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), uid, gid);
}
