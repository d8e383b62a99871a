import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The forecast batch's instruments, on the service's registry. */
export interface ForecastMetrics {
  seriesDone: Gauge;
  seriesTotal: Gauge;
  duration: Histogram;
  lastSuccess: Gauge;
  failures: Counter<'kind'>;
}

// Get-or-create, as @shop/observability does: a restarted service on the same registry reuses its series.
function getOr<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export function registerForecastMetrics(registry: Registry): ForecastMetrics {
  const registers = [registry];
  return {
    seriesDone: getOr(registry, 'analytics_forecast_series_done', () => new Gauge({ name: 'analytics_forecast_series_done', help: 'Series forecast so far by the batch under way (or the last one)', registers })),
    seriesTotal: getOr(registry, 'analytics_forecast_series_total', () => new Gauge({ name: 'analytics_forecast_series_total', help: 'Series (products and categories) in the batch under way (or the last one)', registers })),
    duration: getOr(registry, 'analytics_forecast_batch_duration_seconds', () => new Histogram({
      name: 'analytics_forecast_batch_duration_seconds', help: 'Wall time of a whole forecast batch', registers,
      buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800],
    })),
    lastSuccess: getOr(registry, 'analytics_forecast_last_success_timestamp_seconds', () => new Gauge({ name: 'analytics_forecast_last_success_timestamp_seconds', help: 'When the last forecast batch finished (Unix seconds)', registers })),
    failures: getOr(registry, 'analytics_forecast_failures_total', () => new Counter({
      name: 'analytics_forecast_failures_total', help: 'Forecast failures: kind=series (one series could not be forecast or stored), kind=batch (a whole run failed)', labelNames: ['kind'] as const, registers,
    })),
  };
}
