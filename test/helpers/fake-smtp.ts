// A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps what it receives, parsed
// (mailparser). Tests make it refuse (4xx, 5xx) or stop it, to see the queue try again later.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type SmtpMode = 'accept' | 'refuse-4xx' | 'refuse-5xx';

export interface FakeSmtp {
  url: string;
  port: number;
  mode: SmtpMode;
  received: ParsedMail[];
  /** Stops listening: later connections meet a closed port. */
  close(): Promise<void>;
}

export async function startFakeSmtp(port = 0): Promise<FakeSmtp> {
  const fake: FakeSmtp = { url: '', port: 0, mode: 'accept', received: [], close: () => Promise.resolve() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (fake.mode !== 'accept') {
          const err = Object.assign(new Error(fake.mode === 'refuse-4xx' ? 'Probeer het later nog eens' : 'Geweigerd'), {
            responseCode: fake.mode === 'refuse-4xx' ? 451 : 554,
          });
          return callback(err);
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            fake.received.push(mail);
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  fake.port = (server.server.address() as AddressInfo).port;
  fake.url = `smtp://127.0.0.1:${fake.port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
