// A real SMTP server (smtp-server) that counts what it accepts by Message-ID and recipient, without parsing
// whole messages: fast enough for 10,000 messages in the crash test and the bench.
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export async function startCountingSmtpServer() {
  const received = new Map<string, number>();
  let total = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // Only a message whose DATA ended with "." is accepted (a connection cut mid-message is not).
        const head = Buffer.concat(chunks).toString('utf8', 0, 4000);
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? 'none';
        for (const recipient of session.envelope.rcptTo) {
          const key = `${messageId} ${recipient.address.toLowerCase()}`;
          received.set(key, (received.get(key) ?? 0) + 1);
          total++;
        }
        callback();
      });
    },
  });
  // A client killed mid-transaction resets its connection: expected here, not an error.
  server.on('error', () => undefined);
  // Replies go out at once (no Nagle delay waiting for the client's ACK), as a real MTA does.
  server.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    total: () => total,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
