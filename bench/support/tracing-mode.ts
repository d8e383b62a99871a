/**
 * How a benchmark is traced, and the sentence its report prints about it. `--tracing on` sends every span to a
 * stand-in collector in its own process (otlp-sink.mjs) through the standard OTEL_* variables, exactly as an operator
 * would configure npm start; `--tracing off` clears them; without the flag the environment decides (as npm start).
 * The sampler is the environment's OTEL_TRACES_SAMPLER (the SDK default, parentbased_always_on, records every request).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tracesRequested } from '@shop/observability';

export interface TracingMode {
  /** One line for the report: on or off, exporter, endpoint, sampler, span processor. */
  description: string;
  /** Export requests and bytes the stand-in collector received (undefined when it was not used). */
  exported(): Promise<{ requests: number; bytes: number } | undefined>;
  /** Stops the stand-in collector and waits for it to exit, so the bench leaves no process behind. */
  stop(): Promise<void>;
}

/** Sets process.env for the mode asked; call before startTracing and before forking anything that traces. */
export async function setUpTracing(mode: string | undefined): Promise<TracingMode> {
  if (mode !== undefined && mode !== 'on' && mode !== 'off') throw new Error(`--tracing must be on or off, not ${mode}`);
  let sink: ChildProcess | undefined;
  if (mode === 'off') {
    for (const name of Object.keys(process.env)) if (name.startsWith('OTEL_')) delete process.env[name];
  } else if (mode === 'on') {
    sink = fork(fileURLToPath(new URL('./otlp-sink.mjs', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const { url } = await new Promise<{ url: string }>((resolve) => sink!.once('message', resolve as (m: unknown) => void));
    process.env.OTEL_TRACES_EXPORTER = 'otlp';
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/protobuf';
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = `${url}/v1/traces`;
  }
  return {
    description: describeTracing(process.env),
    async exported() {
      if (!sink) return undefined;
      const reply = new Promise<{ requests: number; bytes: number }>((resolve) => sink!.once('message', resolve as (m: unknown) => void));
      sink.send({ type: 'stats' });
      return reply;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (!sink || sink.exitCode !== null || sink.signalCode !== null) return resolve();
        sink.once('exit', () => resolve());
        sink.kill();
      }),
  };
}

export function describeTracing(env: NodeJS.ProcessEnv): string {
  if (!tracesRequested(env)) return 'tracing off (no OTEL_* exporter named: no SDK, no context manager)';
  const exporter = env.OTEL_TRACES_EXPORTER || 'otlp';
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT || '(default endpoint)';
  const sampler = env.OTEL_TRACES_SAMPLER ? `${env.OTEL_TRACES_SAMPLER}${env.OTEL_TRACES_SAMPLER_ARG ? `(${env.OTEL_TRACES_SAMPLER_ARG})` : ''}` : 'parentbased_always_on (SDK default)';
  return `tracing on: exporter ${exporter} ${env.OTEL_EXPORTER_OTLP_PROTOCOL ?? ''} to ${endpoint}, sampler ${sampler}, batch span processor`;
}
