import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';

export type TrustProxy = (addr: string, hop: number) => boolean;

/**
 * Which peers may name the client in X-Forwarded-For (the gateway sets it to the address it served): "false" (never),
 * "true" (any peer), a hop count, or addresses, subnets and the names loopback, linklocal, uniquelocal, comma-separated
 * (express's 'trust proxy'). The default trusts the loopback and private networks the gateway reaches users over.
 */
export const zTrustProxy = z
  .string()
  .default('loopback, uniquelocal')
  .transform((value, ctx): TrustProxy => {
    const trimmed = value.trim();
    if (trimmed === 'false') return () => false;
    if (trimmed === 'true') return () => true;
    if (/^\d+$/.test(trimmed)) return (_addr, hop) => hop < Number(trimmed);
    try {
      return proxyAddr.compile(trimmed.split(',').map((part) => part.trim()).filter(Boolean));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Must be "true", "false", a hop count, or addresses/subnets (e.g. "loopback, 10.0.0.0/8").' });
      return z.NEVER;
    }
  });

/** The client's address: the socket's peer, or what a trusted peer (the gateway) forwarded. */
export const clientAddressOf = (request: IncomingMessage | undefined, trust: TrustProxy): string | undefined =>
  request?.socket ? proxyAddr(request, trust) : undefined;
