import DataLoader from 'dataloader';

export interface CoalescingOptions {
  /** Keys per call; more wait for the next one. */
  maxBatchSize: number;
}

/**
 * A DataLoader for service-to-service calls that batches across requests ("smart batching"): when no call is out, a
 * batch leaves at the end of the current turn of the event loop (setImmediate, not DataLoader's default next tick,
 * which would send the first request's keys alone), so light load adds no delay; while one is out, new keys gather
 * and leave together when it returns, so under load one round trip (and one transaction on the other side) serves
 * many shoppers. One call at a time makes the batches as large as the load. On the checkout bench (CPU per order):
 * two calls in flight cost 60% more than one, and dispatching on the next tick 15-25% more than at the end of the
 * turn. No cache: every load asks afresh.
 */
export function coalescingLoader<K, V>(call: (keys: readonly K[]) => Promise<readonly (V | Error)[]>, options: CoalescingOptions): DataLoader<K, V> {
  let busy = false;
  const ready: (() => void)[] = [];
  const next = () => {
    const dispatch = busy ? undefined : ready.shift();
    if (!dispatch) return;
    busy = true;
    // After this turn of the event loop: keys from every request whose data arrived in it join the batch.
    setImmediate(dispatch);
  };
  return new DataLoader<K, V>(
    async (keys) => {
      try {
        return await call(keys);
      } finally {
        busy = false;
        next();
      }
    },
    {
      cache: false,
      maxBatchSize: options.maxBatchSize,
      batchScheduleFn: (dispatch) => {
        ready.push(dispatch);
        next();
      },
    },
  );
}
