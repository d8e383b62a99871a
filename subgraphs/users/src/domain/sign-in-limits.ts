import { createHash } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import { RateLimiterDrizzle, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '@shop/db';
import { RateLimited } from '@shop/server';
import { rateLimits, type UsersSchema } from '../db/schema.js';

/**
 * Credential stuffing and mass sign-ups, refused before any password is looked at: consecutive failed logins per
 * account (its normalised email) and per client address, each locked for a window that doubles with every lockout of
 * the last day; registrations per client address. Counted by rate-limiter-flexible in the users database (the
 * rate_limits table), so every replica of users sees the same counts.
 */
export interface SignInLimits {
  /** Before a password is checked: throws RateLimited while the account or the address is locked. */
  beginLogin(email: string, ip: string | undefined): Promise<LoginAttempt>;
  /** Before an account is created (the input is valid): throws RateLimited when the address has used its budget. */
  admitRegistration(ip: string | undefined): Promise<void>;
}

export interface LoginAttempt {
  /** The password was right: the account's failures and lockouts are forgotten. */
  succeeded(): Promise<void>;
  /** The password was wrong (or there is no such account): the failure that reaches a limit locks. */
  failed(): Promise<void>;
}

export interface SignInLimitSettings {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  /** How long failures are counted (from the first one) before they are forgotten. */
  failureWindowSeconds: number;
  /** The first lockout; each further one within a day doubles it, up to maxLockoutSeconds. */
  lockoutSeconds: number;
  maxLockoutSeconds: number;
  registrationsPerIp: number;
  registrationWindowSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimitSettings = {
  maxFailuresPerAccount: 10,
  maxFailuresPerIp: 100,
  failureWindowSeconds: 15 * 60,
  lockoutSeconds: 15 * 60,
  maxLockoutSeconds: 24 * 60 * 60,
  registrationsPerIp: 20,
  registrationWindowSeconds: 60 * 60,
};

/** How long lockouts are remembered for the next one to be longer. */
const LOCKOUT_MEMORY_SECONDS = 24 * 60 * 60;

/** Keys are hashed: the table never holds an email or an address in clear. */
const keyOf = (kind: 'account' | 'ip', value: string) => `${kind}:${createHash('sha256').update(value).digest('base64url').slice(0, 32)}`;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** "45 seconds", "15 minutes", "2 hours": a wait a person reads. */
export function humanWait(seconds: number): string {
  const [amount, unit] = seconds < 120 ? [seconds, 'second'] : seconds < 2 * 3600 ? [Math.ceil(seconds / 60), 'minute'] : [Math.ceil(seconds / 3600), 'hour'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

const loginLocked = (seconds: number) => new RateLimited(seconds, 'login', `Too many failed sign-in attempts. Try again in ${humanWait(seconds)}.`);

/** The default: budgets in the users database's rate_limits table, shared by every replica. */
export class StoredSignInLimits implements SignInLimits {
  private readonly accountFailures: RateLimiterAbstract;
  private readonly ipFailures: RateLimiterAbstract;
  private readonly lockouts: RateLimiterAbstract;
  private readonly registrations: RateLimiterAbstract;

  constructor(db: Database<UsersSchema>, private readonly settings: SignInLimitSettings) {
    // Expired rows are pruned by the subgraph's worker (pruneExpiredLimits), on its scheduler, not by a timer of each limiter.
    const limiter = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix, points, duration, clearExpiredByTimeout: false });
    this.accountFailures = limiter('login-fail', settings.maxFailuresPerAccount, settings.failureWindowSeconds);
    this.ipFailures = limiter('login-fail', settings.maxFailuresPerIp, settings.failureWindowSeconds);
    this.lockouts = limiter('login-lockouts', 1_000_000, LOCKOUT_MEMORY_SECONDS);
    this.registrations = limiter('register', settings.registrationsPerIp, settings.registrationWindowSeconds);
  }

  async beginLogin(email: string, ip: string | undefined): Promise<LoginAttempt> {
    const counters = [
      { limiter: this.accountFailures, key: keyOf('account', normalizeEmail(email)), points: this.settings.maxFailuresPerAccount },
      ...(ip ? [{ limiter: this.ipFailures, key: keyOf('ip', ip), points: this.settings.maxFailuresPerIp }] : []),
    ];
    // A locked key is refused on a read: a flood against it writes nothing.
    const now = await Promise.all(counters.map((c) => c.limiter.get(c.key)));
    const locked = now.filter((res, i) => res && res.consumedPoints >= counters[i]!.points);
    if (locked.length) throw loginLocked(Math.max(...locked.map((res) => retryAfter(res!))));
    // The attempt is counted before the password is checked, so concurrent attempts cannot all slip under the limit.
    const counted = await Promise.all(counters.map((c) => c.limiter.penalty(c.key)));
    const over = counted.filter((res, i) => res.consumedPoints > counters[i]!.points);
    if (over.length) throw loginLocked(Math.max(...over.map(retryAfter)));
    return {
      succeeded: async () => {
        const [account, address] = counters;
        await Promise.all([
          account!.limiter.delete(account!.key),
          this.lockouts.delete(account!.key),
          // A success is not a failure of the address: its attempt is handed back.
          address?.limiter.reward(address.key),
        ]);
      },
      failed: async () => {
        // The failure that reaches the limit locks the key; a lockout within a day of another lasts twice as long.
        await Promise.all(counted.map((res, i) => (res.consumedPoints === counters[i]!.points ? this.lock(counters[i]!.limiter, counters[i]!.key) : undefined)));
      },
    };
  }

  async admitRegistration(ip: string | undefined): Promise<void> {
    if (!ip) return;
    const key = keyOf('ip', ip);
    const limited = (res: RateLimiterRes) => {
      const seconds = retryAfter(res);
      return new RateLimited(seconds, 'register', `Too many accounts were created from this address. Try again in ${humanWait(seconds)}.`);
    };
    const now = await this.registrations.get(key);
    if (now && now.consumedPoints >= this.settings.registrationsPerIp) throw limited(now);
    const counted = await this.registrations.penalty(key);
    if (counted.consumedPoints > this.settings.registrationsPerIp) throw limited(counted);
  }

  private async lock(limiter: RateLimiterAbstract, key: string): Promise<void> {
    const { consumedPoints: lockoutsToday } = await this.lockouts.penalty(key);
    const seconds = Math.min(this.settings.maxLockoutSeconds, this.settings.lockoutSeconds * 2 ** Math.min(lockoutsToday - 1, 30));
    await limiter.block(key, seconds);
  }
}

/** LOGIN_LIMITS=off: an operator's choice (e.g. a limiter of their own in front). */
export const unlimitedSignIns: SignInLimits = {
  beginLogin: async () => ({ succeeded: async () => {}, failed: async () => {} }),
  admitRegistration: async () => {},
};

/** Rows whose window ended more than an hour ago: nothing reads them again. */
export async function pruneExpiredLimits(db: Database<UsersSchema>): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.expire, sql`now() - interval '1 hour'`));
}
