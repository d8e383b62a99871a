/**
 * Whether this process records traces, and who registered the provider. Kept on globalThis, like
 * @opentelemetry/api's own registrations, so that two copies of this module agree on one answer.
 */
interface TracingState {
  enabled: boolean;
  /** Set while startTracing's SDK is (being) started; later calls share it. */
  sdk?: Promise<{ shutdown(): Promise<void> }>;
  /** Set while a test's in-memory provider is registered; startTracing then leaves tracing to the test. */
  inMemory?: object;
}

const STATE = Symbol.for('@shop/observability.tracing');

export function tracingState(): TracingState {
  const holder = globalThis as { [STATE]?: TracingState };
  return (holder[STATE] ??= { enabled: false });
}

/** Request paths check this first, so tracing that is off costs one property read. */
export function tracingEnabled(): boolean {
  return tracingState().enabled;
}
