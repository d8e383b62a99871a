import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAdmission, type Admission } from '../../src/execution/admission.js';

const settings = { busyConcurrency: 2, busyUtilization: 0.9, intervalMs: 10 };

/** Enters n executions in order; `started` lists the ones admitted so far, by index. */
function enterAll(admission: Admission, n: number) {
  const started: number[] = [];
  for (let i = 0; i < n; i++) {
    const wait = admission.enter();
    if (wait) void wait.then(() => started.push(i));
    else started.push(i);
  }
  return started;
}

/** Lets the admitted executions' promise callbacks run. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => undefined);

describe('execution admission', () => {
  let utilization: number;

  beforeEach(() => {
    vi.useFakeTimers();
    utilization = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts busyConcurrency at once; the rest start in arrival order as running ones leave', async () => {
    const admission = createAdmission(settings, () => utilization);
    const started = enterAll(admission, 5);
    await settle();
    expect(started).toEqual([0, 1]);
    expect([admission.running, admission.waiting]).toEqual([2, 3]);
    admission.leave();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    admission.leave();
    admission.leave();
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect([admission.running, admission.waiting]).toEqual([2, 0]);
  });

  it('while the loop is busy the limit stays at busyConcurrency, however many wait', async () => {
    utilization = 0.97;
    const admission = createAdmission(settings, () => utilization);
    const started = enterAll(admission, 10);
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toEqual([0, 1]);
    expect(admission.limit).toBe(2);
  });

  it('while the loop is not busy and executions wait, the limit doubles every interval until none waits', async () => {
    const admission = createAdmission(settings, () => utilization);
    const started = enterAll(admission, 10);
    await settle();
    expect(started).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10);
    expect([admission.limit, started.length]).toEqual([4, 4]);
    await vi.advanceTimersByTimeAsync(10);
    expect([admission.limit, started.length]).toEqual([8, 8]);
    await vi.advanceTimersByTimeAsync(10);
    expect([admission.limit, started.length]).toEqual([16, 10]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Nothing waits any more: the limit holds where it is.
    await vi.advanceTimersByTimeAsync(50);
    expect(admission.limit).toBe(16);
  });

  it('a busy interval halves the limit, never below busyConcurrency; the executions above it finish, none starts until below', async () => {
    const admission = createAdmission(settings, () => utilization);
    enterAll(admission, 8);
    await vi.advanceTimersByTimeAsync(20);
    expect([admission.limit, admission.running]).toEqual([8, 8]);
    utilization = 1;
    await vi.advanceTimersByTimeAsync(10);
    expect(admission.limit).toBe(4);
    const later = admission.enter();
    expect(later).toBeInstanceOf(Promise);
    let admitted = false;
    void later!.then(() => (admitted = true));
    for (let i = 0; i < 4; i++) admission.leave();
    await settle();
    expect(admitted).toBe(false);
    admission.leave();
    await settle();
    expect(admitted).toBe(true);
    await vi.advanceTimersByTimeAsync(50);
    expect(admission.limit).toBe(2);
  });

  it('reads the loop only while executions run or wait', async () => {
    const read = vi.fn(() => utilization);
    const admission = createAdmission(settings, read);
    expect(vi.getTimerCount()).toBe(0);
    admission.enter();
    expect(vi.getTimerCount()).toBe(1);
    admission.leave();
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.getTimerCount()).toBe(0);
    const reads = read.mock.calls.length;
    await vi.advanceTimersByTimeAsync(100);
    expect(read.mock.calls.length).toBe(reads);
  });

  it('busyConcurrency 0 admits everything at once and never reads the loop', async () => {
    const read = vi.fn(() => 1);
    const admission = createAdmission({ ...settings, busyConcurrency: 0 }, read);
    const started = enterAll(admission, 50);
    expect(started).toHaveLength(50);
    await vi.advanceTimersByTimeAsync(100);
    expect(read).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
