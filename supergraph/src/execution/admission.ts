import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/**
 * Execution admission. A gateway whose event loop is saturated gains nothing by starting every query it receives:
 * the queries only interleave, each holds its partial results in memory for longer, and the unlucky ones wait for
 * the loop many times over. So queries start in arrival order while fewer than a limit run, and the limit follows
 * the event loop, as TCP's congestion window follows the network: every interval it halves (never below
 * busyConcurrency) when the loop's utilization was at least busyUtilization, and doubles when the loop was not busy
 * and the limit held a query back. A gateway waiting on slow subgraphs is never busy, so its limit grows until
 * nothing waits; a gateway whose CPU is the bottleneck runs about busyConcurrency queries at a time.
 * Measured on the federation benchmark (50 connections, one core, no deduplication, bench/results/federation.md),
 * before → after: p99 1,238 → 570 ms (4-5x the median → under 1.5x), peak RSS 338 → 305 MB, 1.69x → 2.05x stock's
 * requests/s: fewer queries alive at once leave less for the garbage collector to promote (its share of the CPU
 * profile fell from 20% to 12%).
 */
export interface AdmissionSettings {
  /** The limit a busy loop brings the running executions down to, and the one it starts at; 0: no limit at all. */
  busyConcurrency: number;
  /** Event-loop utilization (0-1) over the last interval from which the loop counts as busy. */
  busyUtilization: number;
  /** How often utilization is read while executions run. */
  intervalMs: number;
}

const MAX_LIMIT = 100_000;

export const DEFAULT_ADMISSION: AdmissionSettings = { busyConcurrency: 4, busyUtilization: 0.9, intervalMs: 10 };

export interface Admission {
  /** Resolves when the execution may start (undefined: at once); every admitted execution ends with leave(). */
  enter(): Promise<void> | undefined;
  leave(): void;
  readonly running: number;
  readonly waiting: number;
  /** How many may run at once now. */
  readonly limit: number;
}

/** Utilization of this process's event loop since the previous call. */
export function eventLoopUtilization(): () => number {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    return utilization;
  };
}

/** `utilization` is read every intervalMs while anything runs or waits (tests give their own). */
export function createAdmission(settings: AdmissionSettings, utilization: () => number = eventLoopUtilization()): Admission {
  const queue: (() => void)[] = [];
  let running = 0;
  let limit = settings.busyConcurrency;
  let timer: NodeJS.Timeout | undefined;

  const canStart = () => settings.busyConcurrency === 0 || running < limit;
  const pump = () => {
    while (queue.length > 0 && canStart()) {
      running++;
      queue.shift()!();
    }
  };
  const tick = () => {
    if (utilization() >= settings.busyUtilization) limit = Math.max(settings.busyConcurrency, Math.floor(limit / 2));
    else if (queue.length > 0) limit = Math.min(MAX_LIMIT, limit * 2);
    pump();
    if (running === 0 && queue.length === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  const watch = () => {
    if (timer || settings.busyConcurrency === 0) return;
    // The loop was idle before this: what was measured until now says nothing about the load that starts.
    utilization();
    timer = setInterval(tick, settings.intervalMs).unref();
  };

  return {
    enter() {
      watch();
      if (queue.length === 0 && canStart()) {
        running++;
        return undefined;
      }
      return new Promise<void>((admit) => queue.push(admit));
    },
    leave() {
      running--;
      pump();
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
    get limit() {
      return settings.busyConcurrency === 0 ? Infinity : limit;
    },
  };
}
