import { describe, expect, it } from 'vitest';
import { coalescingLoader } from '../src/call-batching.js';

/** A call whose answers the test releases by hand, recording the keys of every call. */
function manualCall() {
  const calls: { keys: readonly number[]; answer: () => void; fail: (e: Error) => void }[] = [];
  const call = (keys: readonly number[]) =>
    new Promise<number[]>((resolve, reject) => calls.push({ keys, answer: () => resolve(keys.map((k) => k * 10)), fail: reject }));
  return { calls, call };
}
/** Two turns of the event loop: a batch scheduled while the previous turn's promise jobs ran has left by then. */
const settle = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

describe('coalescingLoader', () => {
  it('sends the first keys at once and gathers the keys that come while it is out into the next call', async () => {
    const { calls, call } = manualCall();
    const loader = coalescingLoader(call, { maxBatchSize: 100 });
    const first = loader.load(1);
    await settle();
    expect(calls.map((c) => c.keys)).toEqual([[1]]);
    const later = [2, 3, 4].map((k) => loader.load(k));
    await settle();
    // One call in flight: the newcomers wait for it.
    expect(calls).toHaveLength(1);
    calls[0]!.answer();
    expect(await first).toBe(10);
    await settle();
    expect(calls.map((c) => c.keys)).toEqual([[1], [2, 3, 4]]);
    calls[1]!.answer();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('keeps one call out at a time and splits at maxBatchSize', async () => {
    const { calls, call } = manualCall();
    const loader = coalescingLoader(call, { maxBatchSize: 2 });
    const all = [1, 2, 3, 4, 5].map((k) => loader.load(k));
    await settle();
    expect(calls.map((c) => c.keys)).toEqual([[1, 2]]);
    calls[0]!.answer();
    await settle();
    expect(calls.map((c) => c.keys)).toEqual([[1, 2], [3, 4]]);
    calls[1]!.answer();
    await settle();
    calls[2]!.answer();
    expect(calls.map((c) => c.keys)).toEqual([[1, 2], [3, 4], [5]]);
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
  });

  it('fails every key of a failed call with its error, and the next call still goes out', async () => {
    const { calls, call } = manualCall();
    const loader = coalescingLoader(call, { maxBatchSize: 10 });
    const failed = [loader.load(1), loader.load(2)];
    await settle();
    calls[0]!.fail(new Error('inventory is down'));
    for (const p of failed) await expect(p).rejects.toThrow('inventory is down');
    const next = loader.load(3);
    await settle();
    calls[1]!.answer();
    expect(await next).toBe(30);
  });
});
