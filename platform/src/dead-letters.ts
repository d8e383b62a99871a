import { deadLettersCommand } from '@shop/kernel';
import { SERVICES } from './topology.js';

/**
 * `npm run dead-letters -- list|replay …` (usage: packages/kernel/src/dead-letters-command.ts): lists and replays the
 * dead letters of the services that consume events, through their /internal/dead-letters endpoints. A service is
 * found at http://$DEAD_LETTERS_HOST (default localhost):$<NAME>_PORT (default its declared port) unless --url says.
 */
const host = process.env.DEAD_LETTERS_HOST ?? 'localhost';
const targets = Object.fromEntries(
  Object.values(SERVICES)
    .filter((service) => service.consumers?.length)
    .map((service) => [service.name, `http://${host}:${process.env[`${service.name.toUpperCase()}_PORT`] ?? service.port}`]),
);
process.exitCode = await deadLettersCommand(process.argv.slice(2), { targets, secret: process.env.SERVICE_SECRET, print: (line) => console.log(line) });
