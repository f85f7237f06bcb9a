import type { AddressInfo, Server, Socket } from "node:net";
import { createServer } from "node:net";
import type { ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";
import type { SMTPServerOptions } from "smtp-server";
import { SMTPServer } from "smtp-server";

/** One message the test server accepted. */
export interface ReceivedMail {
  /** The raw RFC 5322 source as received after DATA. */
  raw: string;
  parsed: ParsedMail;
  envelope: { from: string; to: string[] };
}

/** A reply the server gives instead of accepting. */
export interface SmtpReply {
  code: number;
  message: string;
}

/** A real smtp-server on 127.0.0.1 with knobs for failures; no mocks of nodemailer. */
export interface SmtpFixture {
  port: number;
  /** `smtp://127.0.0.1:<port>`. */
  url: string;
  received: ReceivedMail[];
  /** TCP connections opened to the server. */
  connections: number;
  /** Every RCPT TO address the server was asked for, accepted or not. */
  rcpts: string[];
  /** Successful and failed AUTH attempts. */
  auths: Array<{ user: string; ok: boolean }>;
  /** Reject the next RCPT TO with this reply. */
  rejectNextRcpt(reply: SmtpReply): void;
  /** Reject the next DATA (after the message was read) with this reply. */
  rejectNextData(reply: SmtpReply): void;
  /**
   * Never answer the next MAIL FROM: the next send hangs at its first command. If that send is
   * aborted before it reaches MAIL FROM (while connecting), the hang is dropped with its
   * connection, so it cannot catch the send after it.
   */
  hangNextMail(): void;
  /** Read the next message but never answer the final dot; `hungData` resolves once it is read. */
  hangNextData(): void;
  /** Resolves when a message held by `hangNextData` has been read completely. */
  hungData: Promise<void>;
  /** The text after "250 " for accepted messages (the default mimics Postfix). */
  dataReply: string;
  close(): Promise<void>;
}

export interface SmtpFixtureOptions {
  /** Require AUTH PLAIN/LOGIN with these credentials. */
  auth?: { user: string; pass: string };
}

function smtpError(reply: SmtpReply): Error & { responseCode: number } {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}

export async function startSmtpServer(options: SmtpFixtureOptions = {}): Promise<SmtpFixture> {
  let nextRcpt: SmtpReply | undefined;
  let nextData: SmtpReply | "hang" | undefined;
  let nextMailHangs = false;
  // Sockets accepted while a hang is armed. smtp-server waits 100 ms before its greeting (to
  // catch early talkers), so a send can be aborted before its connection reaches any hook.
  const armedSockets = new Set<Socket>();
  let dataRead: () => void = () => {};
  let queued = 0;

  const fixture: Omit<SmtpFixture, "port" | "url" | "close"> = {
    received: [],
    connections: 0,
    rcpts: [],
    auths: [],
    dataReply: "",
    rejectNextRcpt(reply) {
      nextRcpt = reply;
    },
    rejectNextData(reply) {
      nextData = reply;
    },
    hangNextMail() {
      nextMailHangs = true;
    },
    hangNextData() {
      nextData = "hang";
      fixture.hungData = new Promise<void>((resolve) => {
        dataRead = resolve;
      });
    },
    hungData: Promise.resolve(),
  };

  const serverOptions: SMTPServerOptions = {
    // Plain SMTP on loopback: STARTTLS off, AUTH allowed without TLS (test only).
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: options.auth === undefined,
    disableReverseLookup: true,
    logger: false,
    // Hung test connections must not hold up close() for smtp-server's default 30 s.
    closeTimeout: 500,
    onConnect(_session, callback) {
      fixture.connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      const expected = options.auth;
      const ok =
        expected !== undefined &&
        auth.username === expected.user &&
        auth.password === expected.pass;
      fixture.auths.push({ user: auth.username ?? "", ok });
      if (ok) callback(null, { user: auth.username });
      else callback(smtpError({ code: 535, message: "5.7.8 Authentication credentials invalid" }));
    },
    onMailFrom(_address, _session, callback) {
      if (nextMailHangs) {
        // Never answer: the client waits until it gives up or is aborted.
        nextMailHangs = false;
        armedSockets.clear();
        return;
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      fixture.rcpts.push(address.address);
      const reply = nextRcpt;
      nextRcpt = undefined;
      if (reply) callback(smtpError(reply));
      else callback();
    },
    onData(stream, session, callback) {
      const mode = nextData;
      nextData = undefined;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (mode === "hang") {
          // Never answer: the client waits for the reply to the final dot until it gives up.
          dataRead();
          return;
        }
        if (mode !== undefined) {
          callback(smtpError(mode));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            fixture.received.push({
              raw: raw.toString("utf8"),
              parsed,
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                to: session.envelope.rcptTo.map((r) => r.address),
              },
            });
            queued++;
            callback(
              null,
              fixture.dataReply || `2.0.0 Ok: queued as TESTQ${String(queued).padStart(4, "0")}`,
            );
          },
          (error: Error) => callback(error),
        );
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on("error", () => {
    // Client resets during abort tests are expected.
  });
  server.server.on("connection", (socket: Socket) => {
    if (!nextMailHangs) return;
    armedSockets.add(socket);
    socket.once("close", () => {
      if (armedSockets.delete(socket)) nextMailHangs = false;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(fixture, {
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  });
}

/** A TCP server that accepts connections and never says a word (no SMTP greeting). */
export async function startSilentServer(): Promise<{
  port: number;
  accepted: () => number;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on loopback that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
