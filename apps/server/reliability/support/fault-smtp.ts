import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** An SMTP reply the server gives to DATA instead of accepting the message. */
export interface SmtpRefusal {
  code: number;
  message: string;
}

/**
 * A real smtp-server on 127.0.0.1 whose failures a fault test switches: accepting, refusing every
 * message with a 4xx or 5xx (after reading it, so the refused codes are known), or down (nothing
 * listens on its port) and up again on the same port.
 */
export interface FaultSmtp {
  /** `smtp://127.0.0.1:<port>`: the server's SMTP_URL. */
  readonly url: string;
  /** null accepts; a refusal answers every DATA with it. */
  refuseWith: SmtpRefusal | null;
  /** The codes accepted, per recipient (lower case), oldest first. */
  readonly delivered: Map<string, string[]>;
  /** The codes read and then refused, per recipient: codes that must never verify. */
  readonly refused: Map<string, string[]>;
  /**
   * The newest code delivered to `to` once more than `after` were; polls up to `timeoutMs`.
   * @throws {Error} When none arrives in time.
   */
  codeFor(to: string, after?: number, timeoutMs?: number): Promise<string>;
  /** Stops listening and drops open connections: connecting gets ECONNREFUSED. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the fault SMTP server, accepting.
 *
 * @example
 * const smtp = await startFaultSmtp();
 * smtp.refuseWith = { code: 451, message: "4.3.0 try again later" };
 */
export async function startFaultSmtp(): Promise<FaultSmtp> {
  let server: SMTPServer | null = null;
  let port = 0;
  const listen = async () => {
    const s = new SMTPServer({
      secure: false,
      disabledCommands: ["STARTTLS"],
      authOptional: true,
      disableReverseLookup: true,
      logger: false,
      closeTimeout: 200,
      onData(stream, session, callback) {
        simpleParser(stream).then((parsed) => {
          const code = /^\s*(\d{6})\s*$/m.exec(parsed.text ?? "")?.[1];
          const refusal = smtp.refuseWith;
          const into = refusal ? smtp.refused : smtp.delivered;
          for (const rcpt of session.envelope.rcptTo) {
            const to = rcpt.address.toLowerCase();
            if (code) into.set(to, [...(into.get(to) ?? []), code]);
          }
          if (refusal) {
            callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          } else callback(null, "2.0.0 Ok: queued");
        }, callback);
      },
    });
    s.on("error", () => {
      // A client that resets mid-session is not the server's failure.
    });
    await new Promise<void>((resolve) => s.listen(port, "127.0.0.1", resolve));
    port = (s.server.address() as AddressInfo).port;
    server = s;
  };
  await listen();

  const smtp: FaultSmtp = {
    url: `smtp://127.0.0.1:${port}`,
    refuseWith: null,
    delivered: new Map(),
    refused: new Map(),
    async codeFor(to, after = 0, timeoutMs = 10_000) {
      const started = Date.now();
      for (;;) {
        const list = smtp.delivered.get(to.toLowerCase()) ?? [];
        if (list.length > after) return list[list.length - 1]!;
        if (Date.now() - started > timeoutMs) throw new Error(`no code e-mail to ${to}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async down() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async up() {
      if (!server) await listen();
    },
    close: () => smtp.down(),
  };
  return smtp;
}
