import { freePort, startNpmStart, type NpmStartPlatform } from '@shop/testing';

export type RunningPlatform = Pick<NpmStartPlatform, 'gatewayUrl' | 'output' | 'stop'> & {
  /** The port the test's storefront must use: the gateway allows that origin (CORS) as it would npm start's own storefront. */
  storefrontPort: number;
};

/**
 * The platform exactly as `npm start` starts it, on spare ports and a fresh data folder, without its own
 * storefront: the test serves one itself on WEB_PORT, pointed at this gateway.
 */
export async function startPlatform(env: Record<string, string> = {}): Promise<RunningPlatform> {
  const storefrontPort = await freePort();
  // No forecast batch (seconds of CPU) unless the test asks for one with a shorter FORECAST_CHECK_INTERVAL_MS, and 60
  // days of demo sales instead of a year (seconds to seed) unless it asks for more with DEMO_HISTORY_DAYS.
  const platform = await startNpmStart({ web: false, env: { WEB_PORT: String(storefrontPort), FORECAST_CHECK_INTERVAL_MS: String(3_600_000), DEMO_HISTORY_DAYS: '60', ...env } });
  return { gatewayUrl: platform.gatewayUrl, output: platform.output, stop: () => platform.stop(), storefrontPort };
}
