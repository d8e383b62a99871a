// Hive Gateway's configuration for the federation bench (hive-gateway -c <this file>): the deduplication mode in
// HIVE_BENCH_DEDUP. Outbound deduplication is on by default in Hive Gateway; "none" turns it off in the HTTP transport.
// A plain object: defineConfig only types it, and this file cannot import from bench/peers.
const mode = process.env.HIVE_BENCH_DEDUP ?? 'outbound';

export const gatewayConfig = {
  inboundInflightRequestDeduplication: mode === 'inbound',
  ...(mode === 'none' && { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } }),
};
