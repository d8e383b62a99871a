import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SERVICE_NAMES, SERVICES } from '@shop/platform';
import { SUBGRAPHS } from '../src/services.js';

// No Docker engine runs here, so the compose file is checked by reading it against the services the code defines.
const compose = parse(readFileSync(fileURLToPath(new URL('../../docker-compose.yml', import.meta.url)), 'utf8'));
const services = compose.services as Record<string, any>;

describe('docker-compose.yml', () => {
  it('has every service (subgraphs and workers), the gateway, PostgreSQL and RabbitMQ', () => {
    expect(Object.keys(services).sort()).toEqual([...SERVICE_NAMES, 'gateway', 'postgres', 'rabbitmq'].sort());
  });

  it.each(SERVICE_NAMES.map((name) => [name, SERVICES[name].port] as const))('runs %s on its port with its own database, RabbitMQ, the service secret and a readiness check', (name, port) => {
    const service = services[name];
    expect(service.command).toEqual(['npm', 'start', '-w', `@shop/${name}`]);
    expect(service.environment.PORT).toBe(String(port));
    expect(service.environment.DATABASE_URL).toMatch(new RegExp(`@postgres:5432/${name}$`));
    expect(service.environment.EVENT_BUS).toBe('rabbitmq');
    // The one secret every service signs and verifies service tokens with, from .env (npm run keys); never a default.
    expect(service.environment.SERVICE_SECRET).toBe('${SERVICE_SECRET:?run npm run keys > .env}');
    expect(service.healthcheck.test.join(' ')).toContain(`localhost:${port}/ready`);
    expect(service.depends_on.postgres.condition).toBe('service_healthy');
    expect(service.depends_on.rabbitmq.condition).toBe('service_healthy');
  });

  it('creates one database per service', () => {
    const sql = readFileSync(fileURLToPath(new URL('../../deploy/create-databases.sql', import.meta.url)), 'utf8');
    for (const name of SERVICE_NAMES) expect(sql).toContain(`CREATE DATABASE ${name};`);
  });

  it('points the gateway at every subgraph and waits for them', () => {
    const gateway = services.gateway;
    expect(gateway.ports).toContain('4000:4000');
    for (const { name, port } of SUBGRAPHS) {
      expect(gateway.environment[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}/graphql`);
      expect(gateway.depends_on[name].condition).toBe('service_healthy');
    }
    expect(gateway.environment.JWKS_URL).toBe('http://users:4001/.well-known/jwks.json');
  });
});
