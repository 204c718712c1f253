import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { closeMailTransports } from '../mail/mail.service.ts';
import { startTestEnv } from './harness.ts';

/** A real SMTP server on loopback that keeps what it receives. */
export async function startSmtpServer() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the local SMTP server received. */
export type SmtpCapture = Awaited<ReturnType<typeof startSmtpServer>>;

/** A test environment whose mail goes out to a real local SMTP server; close() stops both. */
export async function startTestEnvWithSmtp() {
  const smtp = await startSmtpServer();
  const env = await startTestEnv();
  env.services.config = { ...env.services.config, smtpUrl: smtp.url, mailFrom: 'Landfall <landfall@vendor.test>' };
  return {
    env,
    smtp,
    close: async () => {
      closeMailTransports();
      await env.close();
      await smtp.close();
    },
  };
}
