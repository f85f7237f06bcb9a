import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One e-mail the sink accepted. */
export interface SunkMail {
  to: string;
  subject: string;
  text: string;
  /** The code of a code e-mail (a line that is exactly `codeLength` digits), else null. */
  code: string | null;
}

/** Where the load reads the codes people were sent: the SMTP sink, or a dev outbox. */
export interface CodeSource {
  /** Every code delivered so far (the codes a person asked for: the secret scan's needles). */
  codes(): string[];
  /**
   * The newest code e-mailed to `to`, waiting up to `timeoutMs` for one that arrives after
   * `after` codes to that address were already seen (default: any).
   *
   * @throws {Error} When no such code arrives in time.
   */
  codeFor(to: string, options?: { after?: number; timeoutMs?: number }): Promise<string>;
  /** How many code e-mails `to` received so far (pass it as `after` before triggering a send). */
  countFor(to: string): number;
}

/** A real smtp-server on 127.0.0.1 that keeps every message and knows each recipient's code. */
export interface MailSink extends CodeSource {
  /** `smtp://127.0.0.1:<port>`: the server's SMTP_URL. */
  readonly url: string;
  /** Every accepted message, in arrival order. */
  readonly received: SunkMail[];
  /**
   * While set, every DATA is answered with this reply instead of being accepted (e.g.
   * `{ code: 451, message: "4.3.0 try later" }` for a temporary failure); null accepts again.
   */
  failWith: { code: number; message: string } | null;
  close(): Promise<void>;
}

/**
 * Starts a loopback SMTP server for the server's e-mail channel (`SMTP_URL`, `SMTP_FROM`): real
 * SMTP delivery, parsed with mailparser, codes indexed by recipient.
 *
 * @example
 * const sink = await startMailSink();
 * const env = { SMTP_URL: sink.url, SMTP_FROM: "otpkit <no-reply@example.test>" };
 * const code = await sink.codeFor("ana@example.com");
 */
export async function startMailSink(codeLength = 6): Promise<MailSink> {
  const byRecipient = new Map<string, string[]>();
  const waiters = new Set<() => void>();
  const codeLine = new RegExp(`^\\s*(\\d{${codeLength}})\\s*$`, "m");
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 500,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const fail = sink.failWith;
        if (fail) {
          callback(Object.assign(new Error(fail.message), { responseCode: fail.code }));
          return;
        }
        simpleParser(Buffer.concat(chunks)).then((parsed) => {
          const text = parsed.text ?? "";
          const code = codeLine.exec(text)?.[1] ?? null;
          for (const rcpt of session.envelope.rcptTo) {
            const to = rcpt.address.toLowerCase();
            sink.received.push({ to, subject: parsed.subject ?? "", text, code });
            if (code) byRecipient.set(to, [...(byRecipient.get(to) ?? []), code]);
          }
          callback(null, "2.0.0 Ok: queued");
          for (const wake of waiters) wake();
        }, callback);
      });
    },
  });
  server.on("error", () => {
    // A client that resets (a killed server process) is not the sink's failure.
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  const sink: MailSink = {
    url: `smtp://127.0.0.1:${port}`,
    received: [],
    failWith: null,
    codes: () => [...byRecipient.values()].flat(),
    countFor: (to) => byRecipient.get(to.toLowerCase())?.length ?? 0,
    codeFor(to, options = {}) {
      const key = to.toLowerCase();
      const after = options.after ?? 0;
      const found = () => {
        const list = byRecipient.get(key) ?? [];
        return list.length > after ? list[list.length - 1] : undefined;
      };
      const now = found();
      if (now) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const wake = () => {
          const code = found();
          if (!code) return;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(code);
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no code e-mail to ${to} within ${options.timeoutMs ?? 10_000} ms`));
        }, options.timeoutMs ?? 10_000);
        waiters.add(wake);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return sink;
}
