import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServiceCredentials, createServiceTokenVerifier, SERVICE_TOKEN_HEADER, serviceSecretFrom } from '../src/service-tokens.js';

const secret = 'a'.repeat(32);

afterEach(() => void vi.useRealTimers());

describe('service tokens', () => {
  it('names the calling service, and is verified only with the same secret', async () => {
    const token = (await createServiceCredentials('payments', secret).headers())[SERVICE_TOKEN_HEADER]!;
    expect(await createServiceTokenVerifier(secret).verify(token)).toEqual({ service: 'payments' });
    await expect(createServiceTokenVerifier('b'.repeat(32)).verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  });

  it('reuses one token until two thirds of its life, then signs a new one; an expired one is refused', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T00:00:00Z'), toFake: ['Date'] });
    const credentials = createServiceCredentials('orders', secret, 60);
    const first = (await credentials.headers())[SERVICE_TOKEN_HEADER];
    vi.setSystemTime(new Date('2026-12-01T00:00:30Z'));
    expect((await credentials.headers())[SERVICE_TOKEN_HEADER]).toBe(first);
    vi.setSystemTime(new Date('2026-12-01T00:00:41Z'));
    expect((await credentials.headers())[SERVICE_TOKEN_HEADER]).not.toBe(first);
    vi.setSystemTime(new Date('2026-12-01T00:01:01Z'));
    await expect(createServiceTokenVerifier(secret).verify(first!)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a short secret, and a missing one in production; elsewhere the process makes one up', () => {
    expect(() => createServiceCredentials('orders', 'short')).toThrow(/32 characters/);
    expect(() => serviceSecretFrom({ NODE_ENV: 'production' })).toThrow(/SERVICE_SECRET/);
    expect(serviceSecretFrom({ NODE_ENV: 'development' })).toBe(serviceSecretFrom({}));
    expect(serviceSecretFrom({ SERVICE_SECRET: secret, NODE_ENV: 'production' })).toBe(secret);
  });
});
