import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface TestSmtpServer {
  url: string;
  /** Mail accepted, parsed. */
  accepted: ParsedMail[];
  /** Messages refused with a temporary error. */
  refused: number;
  /** How many of the next messages to refuse with 451 (a mail server that is overloaded or restarting). */
  refuseNext(count: number): void;
  stop(): Promise<void>;
}

/** A real SMTP server on a free local port (no TLS, no auth), refusing messages while told to. */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  let refuse = 0;
  const state = { accepted: [] as ParsedMail[], refused: 0 };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse -= 1;
          state.refused += 1;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then((mail) => {
          state.accepted.push(mail);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    get accepted() {
      return state.accepted;
    },
    get refused() {
      return state.refused;
    },
    refuseNext: (count) => void (refuse = count),
    stop: () => new Promise<void>((resolve) => (server.server.listening ? server.close(() => resolve()) : resolve())),
  };
}
