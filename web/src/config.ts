/**
 * Where the gateway is. A static build can be pointed anywhere without rebuilding: the server that
 * serves index.html may inject window.__SHOP_CONFIG__ (see web/server.ts). Otherwise VITE_GATEWAY_URL
 * at build time, otherwise the gateway on port 4000 of the host the page came from.
 */
declare global {
  interface Window {
    __SHOP_CONFIG__?: { gatewayUrl?: string };
  }
}

function resolveGatewayUrl(): string {
  const injected = typeof window !== 'undefined' ? window.__SHOP_CONFIG__?.gatewayUrl : undefined;
  if (injected) return injected;
  const fromBuild = import.meta.env.VITE_GATEWAY_URL as string | undefined;
  if (fromBuild) return fromBuild;
  const host = typeof location !== 'undefined' ? location.hostname : 'localhost';
  return `http://${host}:4000/graphql`;
}

export const gatewayUrl = resolveGatewayUrl();
/** graphql-ws is served by the gateway at the same path. */
export const gatewayWsUrl = gatewayUrl.replace(/^http/, 'ws');

/** The gateway's upload routes (/media/…) live beside /graphql on the same origin. */
export const gatewayMediaUrl = (path: string): string => new URL(path, gatewayUrl).toString();
