import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** One plain-text e-mail (never HTML: titles and bodies carry text customers wrote). */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Names the .eml file in the developer mailbox, so a retried send overwrites rather than duplicates it. */
  key: string;
}

/** Sends an e-mail or throws (the delivery is retried). */
export interface Mailer {
  /** Where mail goes, for the start-up log: never the SMTP URL itself, which may hold a password. */
  readonly describe: string;
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://…; unset: write .eml files to mailDir instead. */
  smtpUrl?: string;
  from: string;
  mailDir: string;
}

/** SMTP when configured; otherwise nodemailer's stream transport renders each e-mail into a .eml file a developer can open. */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) {
    // Bounded waits: the worker sends inside the transaction that holds the delivery rows (nodemailer's socket default is 10 minutes).
    const transport = nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }, { from: options.from });
    const host = new URL(options.smtpUrl).host;
    return {
      describe: `SMTP at ${host}`,
      send: async ({ to, subject, text }) => void (await transport.sendMail({ to, subject, text })),
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from: options.from });
  return {
    describe: `.eml files in ${options.mailDir}`,
    async send({ to, subject, text, key }) {
      const info = await transport.sendMail({ to, subject, text });
      await mkdir(options.mailDir, { recursive: true });
      await writeFile(join(options.mailDir, `${key.replace(/[^A-Za-z0-9_-]/g, '_')}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
