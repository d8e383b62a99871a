import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEDUP_MODES, type DedupMode } from '../deduplication.js';
import { zWorkers } from '../workers.js';

export const GATEWAY_USAGE = `Usage: npm run gateway -- [--supergraph <file>] [--port <n>] [--dedup none|outbound|inbound] [--workers <n>|auto]

  --supergraph <file>  any federation 2 supergraph; its subgraphs are reached at the URLs it names (join__graph),
                       unless <NAME>_URL is set (products -> PRODUCTS_URL). Watched and reloaded when it changes.
                       Default: this platform's schema/supergraph.graphql, its subgraphs at USERS_URL, PRODUCTS_URL, …
  --port <n>           where the gateway listens (default PORT, else 4000)
  --dedup <mode>       none, outbound (identical subgraph queries in flight share one fetch) or inbound (outbound,
                       and identical anonymous client queries share one execution). Default GATEWAY_DEDUP, else inbound.
  --workers <n>|auto   gateway processes sharing the port (node:cluster), auto: one per core this process may use.
                       Default GATEWAY_WORKERS, else 1.
  --help               this text

Every other setting comes from the environment (README, "Configuration").`;

/** What the command line sets; each wins over its environment variable. */
export interface GatewayArguments {
  supergraph?: string;
  port?: number;
  dedup?: DedupMode;
  workers?: number;
  help: boolean;
}

const argumentsSchema = z.object({
  supergraph: z.string().min(1).optional(),
  port: z.coerce.number().int().min(0).max(65_535).optional(),
  dedup: z.enum(DEDUP_MODES).optional(),
  workers: zWorkers.optional(),
  help: z.boolean().default(false),
});

/** Throws an Error naming what is wrong (an unknown option, a port that is no port, a mode that is none of the three). */
export function parseGatewayArguments(argv: readonly string[]): GatewayArguments {
  const { values } = parseArgs({
    args: [...argv],
    options: { supergraph: { type: 'string' }, port: { type: 'string' }, dedup: { type: 'string' }, workers: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  return parsed.data;
}
