import { parseArgs } from 'node:util';
import { createServiceCredentials } from '@shop/auth';
import { describeError } from '@shop/events';
import { deadLetterList, deadLetterPaths, replayAnswer, type ReplayAnswer } from './dead-letters-contract.js';

export const DEAD_LETTERS_USAGE = `usage:
  dead-letters list [<service> ...]                 dead letters of these services (default: those given with --url, else every one with consumers)
  dead-letters replay <service> <event-id> ...      apply these again, through the consumer's inbox (so at most once)
  dead-letters replay <service> --all               every dead letter of the service, oldest first (1000 per call)
options:
  --url <service>=<base url>   where a service answers (default http://localhost:<its port>; any replica will do)
  --json                       print the services' answers as JSON
environment:
  SERVICE_SECRET               the deployment's shared secret: the command signs a service token with it`;

export interface DeadLettersCommandOptions {
  /** Base URL of each service with consumers, by name (--url overrides). */
  targets: Record<string, string>;
  secret: string | undefined;
  print(line: string): void;
}

/** The dead-letter admin command (`npm run dead-letters -- …`); resolves to the process exit code. */
export async function deadLettersCommand(argv: readonly string[], options: DeadLettersCommandOptions): Promise<number> {
  const { print } = options;
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { url: { type: 'string', multiple: true }, json: { type: 'boolean' }, all: { type: 'boolean' } } });
  } catch (error) {
    print(`${(error as Error).message}\n${DEAD_LETTERS_USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const targets = { ...options.targets };
  for (const pair of parsed.values.url ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) return usage(print, `--url wants <service>=<base url>, not ${pair}`);
    targets[pair.slice(0, at)] = pair.slice(at + 1).replace(/\/$/, '');
  }
  if (!options.secret) return usage(print, 'SERVICE_SECRET is not set: the services accept a service token signed with it only');
  const headers = async () => ({ 'content-type': 'application/json', ...(await createServiceCredentials('dead-letters-admin', options.secret!).headers()) });
  const urlOf = (service: string) => targets[service];

  if (command === 'list') {
    // No names: the services given with --url, else every one with consumers.
    const given = (parsed.values.url ?? []).map((pair) => pair.slice(0, pair.indexOf('=')));
    const services = rest.length ? rest : given.length ? given : Object.keys(targets);
    const unknown = services.filter((s) => !urlOf(s));
    if (unknown.length) return usage(print, `unknown service(s): ${unknown.join(', ')} (with consumers: ${Object.keys(targets).join(', ')}; or give --url)`);
    let failed = false;
    for (const service of services) {
      try {
        const answer = deadLetterList.parse(await call(`${urlOf(service)}${deadLetterPaths.list}`, { headers: await headers() }));
        if (parsed.values.json) print(JSON.stringify(answer));
        else {
          print(`${service}: ${answer.deadLetters.length} dead letter(s)`);
          for (const d of answer.deadLetters) print(`  ${d.eventId}  ${d.type}  attempts ${d.attempts}  dead since ${d.deadAt}\n    ${d.error}`);
        }
      } catch (error) {
        failed = true;
        print(`${service}: ${describeError(error)}`);
      }
    }
    return failed ? 1 : 0;
  }

  if (command === 'replay') {
    const [service, ...eventIds] = rest;
    if (!service || !urlOf(service)) return usage(print, `replay wants a known service first (${Object.keys(targets).join(', ')}; or give --url)`);
    if (Boolean(parsed.values.all) === eventIds.length > 0) return usage(print, 'replay wants event ids or --all (not both)');
    let answer: ReplayAnswer;
    try {
      const body = JSON.stringify(parsed.values.all ? { all: true } : { eventIds });
      answer = replayAnswer.parse(await call(`${urlOf(service)}${deadLetterPaths.replay}`, { method: 'POST', headers: await headers(), body }));
    } catch (error) {
      print(`${service}: ${describeError(error)}`);
      return 1;
    }
    if (parsed.values.json) print(JSON.stringify(answer));
    else {
      print(`${service}: ${answer.results.length} replayed`);
      for (const r of answer.results) print(`  ${r.eventId}  ${r.type ?? '-'}  ${r.outcome}${r.error ? `\n    ${r.error}` : ''}`);
    }
    return answer.results.every((r) => ['applied', 'duplicate', 'skipped'].includes(r.outcome)) ? 0 : 1;
  }
  return usage(print, command ? `unknown command: ${command}` : 'no command');
}

function usage(print: (line: string) => void, problem: string): number {
  print(`${problem}\n${DEAD_LETTERS_USAGE}`);
  return 2;
}

async function call(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}
