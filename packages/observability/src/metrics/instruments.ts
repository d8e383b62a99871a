import { Counter, Histogram, type CounterConfiguration, type HistogramConfiguration, type Registry } from 'prom-client';

/** Request-scale durations: 5 ms to 10 s. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Get-or-create: a second plugin on the same registry (a restarted server) reuses the series instead of throwing.
export function counter<T extends string>(registry: Registry, config: Omit<CounterConfiguration<T>, 'registers'>): Counter<T> {
  return (registry.getSingleMetric(config.name) as Counter<T> | undefined) ?? new Counter<T>({ ...config, registers: [registry] });
}

export function histogram<T extends string>(registry: Registry, config: Omit<HistogramConfiguration<T>, 'registers'>): Histogram<T> {
  return (registry.getSingleMetric(config.name) as Histogram<T> | undefined) ?? new Histogram<T>({ ...config, registers: [registry] });
}
