import { backoffDelay } from './backoff.js';
import type { Logger } from './logger.js';

/** A periodic job: sweepers, the outbox relay, inbox pruning. */
export interface PeriodicTask {
  name: string;
  /** Pause between the end of one run and the start of the next. */
  everyMs: number;
  /**
   * Resolves true when there is more to do at once (a full batch), so the next run starts without the pause. `signal`
   * aborts when the service stops: a long run (a forecast batch) ends early instead of holding the stop up.
   */
  run(signal: AbortSignal): Promise<boolean | void>;
  /** Longest pause after failures (exponential from 100 ms); defaults to max(everyMs, 5 s). */
  maxBackoffMs?: number;
}

export interface ScheduledTask {
  /** Run now (or right after the run under way) instead of at the next tick. */
  wake(): void;
}

/**
 * Runs every periodic task of a service: never two runs of one task at once, ±10% jitter on the pause (replicas started
 * together do not sweep in lockstep), backoff after failures, and stop() waits for the runs under way. Tasks are safe
 * with several replicas because each one claims its rows with FOR UPDATE SKIP LOCKED; the scheduler only paces them.
 */
export class Scheduler {
  private readonly tasks = new Set<TaskState>();
  private stopped = false;
  private readonly stopping = new AbortController();

  constructor(private readonly logger?: Logger) {}

  add(task: PeriodicTask, options: { startNow?: boolean } = {}): ScheduledTask {
    const state: TaskState = { task, timer: undefined, running: undefined, again: false, failures: 0 };
    this.tasks.add(state);
    this.schedule(state, options.startNow === false ? jitter(task.everyMs) : 0);
    return { wake: () => this.wake(state) };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    for (const state of this.tasks) clearTimeout(state.timer);
    await Promise.allSettled([...this.tasks].map((s) => s.running));
  }

  private wake(state: TaskState): void {
    if (this.stopped) return;
    if (state.running) state.again = true;
    else this.schedule(state, 0);
  }

  private schedule(state: TaskState, delayMs: number): void {
    clearTimeout(state.timer);
    if (this.stopped) return;
    state.timer = setTimeout(() => void this.tick(state), delayMs);
    state.timer.unref?.();
  }

  private async tick(state: TaskState): Promise<void> {
    if (this.stopped || state.running) return;
    let delay = jitter(state.task.everyMs);
    state.running = (async () => {
      try {
        let more: boolean | void;
        do {
          state.again = false;
          more = await state.task.run(this.stopping.signal);
        } while ((more === true || state.again) && !this.stopped);
        state.failures = 0;
      } catch (err) {
        state.failures += 1;
        delay = backoffDelay(state.failures, { maxMs: state.task.maxBackoffMs ?? Math.max(state.task.everyMs, 5000) });
        this.logger?.warn({ err, task: state.task.name, retryInMs: delay }, 'periodic task failed; will retry');
      }
    })();
    await state.running;
    state.running = undefined;
    this.schedule(state, state.again ? 0 : delay);
  }
}

interface TaskState {
  task: PeriodicTask;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  again: boolean;
  failures: number;
}

const jitter = (ms: number) => Math.round(ms * (0.9 + Math.random() * 0.2));
