import DataLoader from 'dataloader';

export interface CoalescingOptions {
  /** Keys per call; more wait for the next one. */
  maxBatchSize: number;
  /** Calls out at the same time; further batches gather keys until one returns. Default 1. */
  maxInFlight?: number;
}

/**
 * A DataLoader for service-to-service calls that batches across requests ("smart batching"): when nothing is in
 * flight a batch leaves as soon as the current tick's keys are in, so light load adds no delay; while maxInFlight
 * calls are out, new keys gather and leave together when one returns, so under load one round trip (and one
 * transaction on the other side) serves many shoppers. No cache: every load asks afresh.
 */
export function coalescingLoader<K, V>(call: (keys: readonly K[]) => Promise<readonly (V | Error)[]>, options: CoalescingOptions): DataLoader<K, V> {
  const maxInFlight = options.maxInFlight ?? 1;
  let inFlight = 0;
  const ready: (() => void)[] = [];
  const pump = () => {
    while (inFlight < maxInFlight && ready.length > 0) {
      const dispatch = ready.shift()!;
      inFlight++;
      // As DataLoader does by default: after the promise jobs of this tick, so their keys join the batch.
      void Promise.resolve().then(() => process.nextTick(dispatch));
    }
  };
  return new DataLoader<K, V>(
    async (keys) => {
      try {
        return await call(keys);
      } finally {
        inFlight--;
        pump();
      }
    },
    {
      cache: false,
      maxBatchSize: options.maxBatchSize,
      batchScheduleFn: (dispatch) => {
        ready.push(dispatch);
        pump();
      },
    },
  );
}
