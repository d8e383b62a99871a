import { z } from 'zod';

/** Reads and validates configuration once at start; a bad value stops the process with every problem listed. */
export function readConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`Invalid configuration: ${problems}`);
}

export const zPort = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
