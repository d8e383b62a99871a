import { fileURLToPath } from 'node:url';
import { freePort } from '@shop/testing';
import { startStorefront, type RunningStorefront } from '../../server';

const webRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The storefront as shoppers get it: the production build (STOREFRONT_MODE=dev for Vite's dev server),
 * told the gateway URL at runtime.
 */
export async function serveStorefront(gatewayUrl: string, port?: number): Promise<RunningStorefront> {
  const mode = process.env.STOREFRONT_MODE === 'dev' ? 'dev' : 'static';
  if (mode === 'static') {
    const { build } = await import('vite');
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build; shoppers get production.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root: webRoot, configFile: `${webRoot}vite.config.ts`, mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }
  return startStorefront({ port: port ?? (await freePort()), gatewayUrl, mode });
}
