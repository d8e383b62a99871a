import { join } from 'node:path';
import { z } from 'zod';
import { defineSubgraph } from '@shop/kernel';
import { asyncGauge } from '@shop/observability';
import { notificationConsumers } from './consumers.js';
import { schema } from './db/schema.js';
import { RemoteProductNames, RemoteUserDirectory, type ProductNames, type UserDirectory } from './directory.js';
import { seedDemoNotifications } from './domain/seed.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';
import { pendingEmails, sendDueEmails } from './mail/deliveries.js';
import { createMailer, type Mailer } from './mail/mailer.js';

/** Per-user feeds from order, payment, stock and ticket events; e-mail per the user's preferences; live notificationAdded. */
export const notifications = defineSubgraph({
  name: 'notifications',
  port: 4006,
  config: {
    /** The users subgraph itself (never the gateway): admins and addresses. */
    USERS_URL: z.string().url().default('http://localhost:4001/graphql'),
    /** The products subgraph itself: product names for stock notifications. */
    PRODUCTS_URL: z.string().url().default('http://localhost:4002/graphql'),
    LOOKUP_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
    /** smtp://user:pass@host:587 (or smtps://…); unset: e-mails are written as .eml files under DATA_DIR/mail. */
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().min(3).default('Artesanías <no-reply@artesanias.test>'),
    /** Where e-mail links point. */
    STOREFRONT_URL: z.string().url().default('http://localhost:5173'),
    EMAIL_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(2000),
    /** The first retry of a failed e-mail waits this long; each later one twice as long, up to an hour. */
    EMAIL_RETRY_MIN_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  },
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url), seed: seedDemoNotifications },
  services: ({ config, credentials, db, bus, logger }) => {
    const remote = { timeoutMs: config.LOOKUP_TIMEOUT_MS, credentials };
    const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, mailDir: join(config.DATA_DIR, 'mail') });
    logger.info({ mail: mailer.describe }, 'e-mail notifications go to');
    return {
      db,
      bus,
      users: new RemoteUserDirectory({ url: config.USERS_URL, ...remote }) as UserDirectory,
      products: new RemoteProductNames({ url: config.PRODUCTS_URL, ...remote, logger }) as ProductNames,
      mailer: mailer as Mailer,
    };
  },
  context: ({ db, bus }, viewer) => createContext({ db, bus }, viewer),
  consumers: notificationConsumers,
  workers: ({ mailer, users }, { db, config, logger }) => [
    {
      name: 'email-deliveries',
      everyMs: config.EMAIL_INTERVAL_MS,
      run: () => sendDueEmails(db, { mailer, users, storefrontUrl: config.STOREFRONT_URL, logger, retryMinMs: config.EMAIL_RETRY_MIN_MS }),
    },
  ],
  metrics: (registry, _services, { db }) =>
    asyncGauge(registry, { name: 'notifications_emails_pending', help: 'E-mails recorded but not yet accepted by the mail server (waiting or being retried).', read: () => pendingEmails(db) }),
  // notificationAdded over graphql-ws, fed by the bus's broadcast (every replica sees every notification).
  subscriptions: true,
  stop: async ({ mailer }) => mailer.close(),
});
