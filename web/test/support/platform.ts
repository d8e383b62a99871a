import { startNpmStart, type NpmStartPlatform } from '@shop/testing';

export type RunningPlatform = Pick<NpmStartPlatform, 'gatewayUrl' | 'output' | 'stop'>;

/**
 * The platform exactly as `npm start` starts it, on spare ports and a fresh data folder, without its own
 * storefront: the test serves one itself on a spare port, pointed at this gateway.
 */
export const startPlatform = (): Promise<RunningPlatform> => startNpmStart({ web: false });
