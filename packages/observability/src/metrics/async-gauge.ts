import { Gauge, type LabelValues, type Registry } from 'prom-client';

export interface AsyncGaugeReading<L extends string> {
  labels: LabelValues<L>;
  value: number;
}

export interface AsyncGaugeOptions<L extends string> {
  name: string;
  help: string;
  labelNames?: readonly L[];
  /** Called on every scrape: one number, or one value per label set (label sets it no longer returns disappear). */
  read: () => Promise<number | readonly AsyncGaugeReading<L>[]>;
  /** A read slower than this counts as failed, so a stuck database cannot hang the scrape. Default 2000. */
  timeoutMs?: number;
  /** Told about failed reads (the gauge keeps its last value). */
  onError?: (error: unknown) => void;
}

/** A gauge read from an async source at scrape time, e.g. the outbox backlog; a failing read keeps the last value. */
export function asyncGauge<L extends string = string>(registry: Registry, options: AsyncGaugeOptions<L>): Gauge<L> {
  const { read, timeoutMs = 2000, onError } = options;
  return new Gauge<L>({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames ?? [],
    registers: [registry],
    async collect() {
      let reading: Awaited<ReturnType<typeof read>>;
      try {
        reading = await withTimeout(read, timeoutMs);
      } catch (error) {
        onError?.(error);
        return;
      }
      if (typeof reading === 'number') {
        this.set(reading);
        return;
      }
      this.reset();
      for (const { labels, value } of reading) this.set(labels, value);
    },
  });
}

async function withTimeout<T>(read: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`read took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(read), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
