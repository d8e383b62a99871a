import DataLoader from 'dataloader';

export interface CoalescingOptions {
  /** Keys per call; more wait for the next one. */
  maxBatchSize: number;
}

/**
 * A DataLoader for service-to-service calls that batches across requests ("smart batching"): when no call is out, a
 * batch leaves as soon as the current tick's keys are in, so light load adds no delay; while one is out, new keys
 * gather and leave together when it returns, so under load one round trip (and one transaction on the other side)
 * serves many shoppers. One call at a time makes the batches as large as the load: on the checkout bench, two calls
 * in flight cost 60% more CPU per order than one. No cache: every load asks afresh.
 */
export function coalescingLoader<K, V>(call: (keys: readonly K[]) => Promise<readonly (V | Error)[]>, options: CoalescingOptions): DataLoader<K, V> {
  let busy = false;
  const ready: (() => void)[] = [];
  const next = () => {
    const dispatch = busy ? undefined : ready.shift();
    if (!dispatch) return;
    busy = true;
    // As DataLoader does by default: after the promise jobs of this tick, so their keys join the batch.
    void Promise.resolve().then(() => process.nextTick(dispatch));
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
