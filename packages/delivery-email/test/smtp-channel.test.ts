import { generateKeyPairSync } from "node:crypto";
import { inspect } from "node:util";
import type { OtpChannel, OtpMessage } from "@otpkit/otp-core";
import { otpErrorOf } from "@otpkit/otp-testing";
import nodemailer from "nodemailer";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EmailChannelOptions } from "../src/index.js";
import { createEmailChannel } from "../src/index.js";
import type { SmtpFixture } from "./support/smtp-server.js";
import { closedPort, startSilentServer, startSmtpServer } from "./support/smtp-server.js";

// Everything here talks to a real smtp-server on 127.0.0.1 through real nodemailer.

const CODE = "730519";

function message(overrides: Partial<OtpMessage> = {}): OtpMessage {
  const kind = overrides.kind ?? "code";
  const withCode = kind === "code" || kind === "retry";
  return {
    kind,
    to: "ana@example.com",
    recipient: { email: "ana@example.com", name: "Ana" },
    locale: "en",
    purpose: "login",
    deliveryId: "dlv_01",
    ...(withCode ? { code: CODE, ttlMs: 600_000, expiresAt: Date.UTC(2026, 10, 22, 15, 4) } : {}),
    ...overrides,
  };
}

/** Fails when the code shows up anywhere in the error, its details or its cause chain. */
function expectNoCode(error: unknown) {
  const text = inspect(error, { depth: 10, showHidden: true });
  expect(text).not.toContain(CODE);
  expect(JSON.stringify(error)).not.toContain(CODE);
}

let smtp: SmtpFixture;
let channels: OtpChannel[] = [];

function channel(options: Partial<EmailChannelOptions> = {}): OtpChannel {
  const created = createEmailChannel({
    from: "Acme <no-reply@acme.test>",
    smtp: { host: "127.0.0.1", port: smtp.port },
    supportContact: "help@acme.test",
    ...options,
  });
  channels.push(created);
  return created;
}

beforeEach(async () => {
  smtp = await startSmtpServer();
});

afterEach(async () => {
  await Promise.all(channels.map((c) => c.close?.()));
  channels = [];
  await smtp.close();
});

describe("delivery", () => {
  it("delivers one multipart/alternative message with the code in text and HTML, not in the subject", async () => {
    const receipt = await channel().send(message());
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    const { parsed } = mail;

    expect(mail.envelope).toEqual({ from: "no-reply@acme.test", to: ["ana@example.com"] });
    expect(parsed.subject).toBe("Your Acme verification code");
    expect(parsed.subject).not.toContain(CODE);
    expect(parsed.text).toContain(CODE);
    expect(parsed.text).toContain("Hi Ana,");
    // ICU puts a narrow no-break space before "PM"; \s matches it.
    expect(parsed.text).toMatch(/It expires in 10 minutes \(at 3:04\sPM UTC\)\./);
    expect(parsed.text).toContain("Need help? Contact help@acme.test.");
    expect(parsed.html).toContain(`>${CODE}</span>`);
    expect(parsed.html).toContain('<html lang="en" dir="ltr">');
    expect(parsed.html).not.toMatch(/<img|<link|<script|https?:\/\//i);
    expect(mail.raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(mail.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/m);
    expect(mail.raw).toMatch(/^Content-Type: text\/html; charset=utf-8/m);

    expect(parsed.from?.value).toEqual([{ address: "no-reply@acme.test", name: "Acme" }]);
    expect(parsed.to).toMatchObject({ value: [{ address: "ana@example.com", name: "" }] });
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.headers.get("x-otpkit-kind")).toBe("code");
    expect(parsed.headers.has("x-mailer")).toBe(false);

    // The Message-ID is derived from the deliveryId, and the queue id comes from the 250 reply.
    expect(receipt.messageId).toBe("<otp.code.dlv_01@acme.test>");
    expect(parsed.messageId).toBe(receipt.messageId);
    expect(receipt.serverMessageId).toBe("TESTQ0001");
  });

  it("escapes the recipient name in the HTML part and keeps it literal in the text part", async () => {
    const name = `<script>alert(1)</script> "&'`;
    await channel().send(message({ recipient: { name } }));
    const { parsed } = smtp.received[0]!;
    expect(parsed.text).toContain(`Hi ${name},`);
    expect(parsed.html).not.toContain("<script>");
    expect(parsed.html).toContain("Hi &lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;,");
  });

  it("writes Spanish for es-MX, Arabic right to left, and falls back to English for kl", async () => {
    const email = channel();
    await email.send(message({ locale: "es-MX", recipient: { name: "Ana" } }));
    await email.send(message({ locale: "kl", deliveryId: "dlv_02" }));
    await email.send(message({ locale: "ar-EG", deliveryId: "dlv_03" }));
    const [es, kl, ar] = smtp.received.map((m) => m.parsed);
    expect(es?.subject).toBe("Tu código de verificación de Acme");
    expect(es?.text).toContain("Hola, Ana:");
    // Mexican Spanish formats the time as 12-hour, as a reader in Mexico expects.
    expect(es?.text).toMatch(/Caduca en 10 minutos \(a las 3:04\sp\.\s?m\.\sUTC\)\./);
    expect(es?.html).toContain('<html lang="es-MX" dir="ltr">');
    // Kalaallisut has no built-in templates: English.
    expect(kl?.subject).toBe("Your Acme verification code");
    expect(kl?.html).toContain('<html lang="en" dir="ltr">');
    expect(ar?.subject).toBe("رمز التحقق الخاص بك من Acme");
    expect(ar?.html).toContain('<html lang="ar-EG" dir="rtl">');
    expect(ar?.text).toContain(`\n\n${CODE}\n\n`);
  });

  it("sends a lockout without any code, with the time it ends and the support hand-off", async () => {
    await channel().send(
      message({
        kind: "lockout",
        code: CODE, // even if a caller passes one, a lockout never shows it
        lockedUntil: Date.UTC(2026, 10, 22, 16, 30),
      }),
    );
    const { parsed, raw } = smtp.received[0]!;
    expect(parsed.subject).toBe("Sign-in to Acme is paused");
    expect(parsed.text).toMatch(/You can try again after Nov 22, 2026, 4:30\sPM UTC\./);
    expect(parsed.text).toContain("contact help@acme.test");
    expect(raw).not.toContain(CODE);
    expect(parsed.text).not.toContain(CODE);
    expect(parsed.html).not.toContain(CODE);
  });

  it("reuses one pooled connection for consecutive sends", async () => {
    const email = channel();
    await email.send(message());
    await email.send(message({ kind: "retry", deliveryId: "dlv_02" }));
    await email.send(message({ kind: "unlock", deliveryId: "dlv_03" }));
    expect(smtp.received).toHaveLength(3);
    expect(smtp.connections).toBe(1);
  });

  it("accepts a connection URL", async () => {
    const email = channel({ smtp: smtp.url });
    const receipt = await email.send(message());
    expect(receipt.serverMessageId).toBe("TESTQ0001");
  });

  it("signs with DKIM when given a key", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    await channel({ dkim: { domainName: "acme.test", keySelector: "otp", privateKey: pem } }).send(
      message(),
    );
    const { raw } = smtp.received[0]!;
    expect(raw).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;/m);
    expect(raw).toMatch(/\bd=acme\.test;/);
    expect(raw).toMatch(/\bs=otp;/);
  });

  it("sends through a transport passed in (and leaves it open on close)", async () => {
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port });
    const email = channel({ smtp: undefined, transport });
    await email.send(message());
    await email.close?.();
    expect(smtp.received).toHaveLength(1);
    await transport.sendMail({ from: "a@acme.test", to: "b@example.com", text: "still open" });
    expect(smtp.received).toHaveLength(2);
    transport.close();
  });

  it("refuses to send after close()", async () => {
    const email = channel();
    await email.close?.();
    const error = await otpErrorOf(email.send(message()));
    expect(error.code).toBe("DELIVERY_FAILED");
    expect(smtp.connections).toBe(0);
  });
});

describe("authentication", () => {
  let authSmtp: SmtpFixture;
  beforeEach(async () => {
    authSmtp = await startSmtpServer({ auth: { user: "otp", pass: "s3cret" } });
  });
  afterEach(() => authSmtp.close());

  it("logs in and delivers with the right credentials", async () => {
    const email = channel({
      smtp: { host: "127.0.0.1", port: authSmtp.port, auth: { user: "otp", pass: "s3cret" } },
    });
    await email.send(message());
    expect(authSmtp.auths).toEqual([{ user: "otp", ok: true }]);
    expect(authSmtp.received).toHaveLength(1);
  });

  it("turns a rejected login (535) into a permanent PROVIDER_REJECTED", async () => {
    const email = channel({
      smtp: { host: "127.0.0.1", port: authSmtp.port, auth: { user: "otp", pass: "wrong" } },
    });
    const error = await otpErrorOf(email.send(message()));
    expect(error.code).toBe("PROVIDER_REJECTED");
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ transportCode: "EAUTH", responseCode: 535 });
    expect(error.message).not.toContain("wrong");
    expect(authSmtp.received).toHaveLength(0);
  });

  it("turns a server that requires AUTH, with no credentials configured, into a permanent error", async () => {
    const email = channel({ smtp: { host: "127.0.0.1", port: authSmtp.port } });
    const error = await otpErrorOf(email.send(message()));
    expect(error.retryable).toBe(false);
    expect(authSmtp.received).toHaveLength(0);
  });
});

describe("failure classification", () => {
  it.each([
    [550, "5.1.1 No such user here", "RECIPIENT_INVALID", false],
    [553, "5.1.3 Bad recipient address syntax", "RECIPIENT_INVALID", false],
    [550, "5.7.1 Relaying denied by policy", "DELIVERY_FAILED", false],
    [552, "5.2.2 Mailbox full", "DELIVERY_FAILED", false],
    [451, "4.7.1 Greylisted, please try again later", "DELIVERY_FAILED", true],
    [452, "4.2.2 Mailbox temporarily over quota", "DELIVERY_FAILED", true],
    [450, "4.7.28 Rate limited, too many messages from your IP", "PROVIDER_THROTTLED", true],
    [503, "5.5.1 Bad sequence of commands", "DELIVERY_FAILED", true],
  ] as const)(
    "RCPT TO answered %i %s → %s (retryable %s)",
    async (code, text, expected, retryable) => {
      smtp.rejectNextRcpt({ code, message: text });
      const error = await otpErrorOf(channel().send(message()));
      expect(error.code).toBe(expected);
      expect(error.retryable).toBe(retryable);
      expect(error.details).toMatchObject({ responseCode: code, command: "RCPT TO" });
      expect(error.source).toBe("email");
    },
  );

  it.each([
    [554, "5.6.0 Message content rejected", false],
    [451, "4.3.0 Temporary local problem", true],
  ] as const)("DATA answered %i → retryable %s", async (code, text, retryable) => {
    smtp.rejectNextData({ code, message: text });
    const error = await otpErrorOf(channel().send(message()));
    expect(error.code).toBe("DELIVERY_FAILED");
    expect(error.retryable).toBe(retryable);
    expect(error.details).toMatchObject({ responseCode: code });
  });

  it("keeps the server's reply text out of the error, even when it quotes the code", async () => {
    smtp.rejectNextData({ code: 554, message: `5.7.1 Spam detected in "Your code is ${CODE}"` });
    const error = await otpErrorOf(channel().send(message()));
    expect(error.retryable).toBe(false);
    expect(error.details?.["enhancedStatus"]).toBe("5.7.1");
    expectNoCode(error);
    expect(inspect(error, { depth: 10 })).not.toContain("Spam detected");
  });

  it("classifies connection refused as retryable", async () => {
    const port = await closedPort();
    const email = channel({ smtp: { host: "127.0.0.1", port } });
    const error = await otpErrorOf(email.send(message()));
    expect(error.code).toBe("DELIVERY_FAILED");
    expect(error.retryable).toBe(true);
    expect(error.details).toMatchObject({ transportCode: "ESOCKET", originalCode: "ECONNREFUSED" });
    expectNoCode(error);
  });

  it("classifies a server that never greets as a retryable timeout, within the configured timeout", async () => {
    const silent = await startSilentServer();
    try {
      const email = channel({
        smtp: {
          host: "127.0.0.1",
          port: silent.port,
          greetingTimeout: 300,
          connectionTimeout: 300,
        },
      });
      const started = Date.now();
      const error = await otpErrorOf(email.send(message()));
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(error.code).toBe("DELIVERY_FAILED");
      expect(error.retryable).toBe(true);
      expect(error.details).toMatchObject({ transportCode: "ETIMEDOUT" });
      expect(silent.accepted()).toBeGreaterThanOrEqual(1);
    } finally {
      await silent.close();
    }
  });
});

describe("abort", () => {
  it("rejects with ABORTED and opens no connection when the signal is already aborted", async () => {
    const error = await otpErrorOf(channel().send(message(), { signal: AbortSignal.abort() }));
    expect(error.code).toBe("ABORTED");
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(smtp.connections).toBe(0);
    expect(smtp.rcpts).toEqual([]);
  });

  it("rejects promptly when aborted during a DATA the server never answers, and recovers", async () => {
    const email = channel();
    smtp.hangNextData();
    const controller = new AbortController();
    const sending = email.send(message(), { signal: controller.signal });
    await smtp.hungData; // the server has read the whole message and stays silent
    const abortedAt = Date.now();
    const reason = new Error("shutting down");
    controller.abort(reason);
    const error = await otpErrorOf(sending);
    expect(Date.now() - abortedAt).toBeLessThan(500);
    expect(error.code).toBe("ABORTED");
    expect(error.details).toMatchObject({ reason: "Error" });
    // Not a timeout: whoever aborted did not want it sent, so it is not worth a retry.
    expect(error.retryable).toBe(false);
    expect(error.cause).toBe(reason);
    expectNoCode(error);
    // The pool dropped the stuck connection: the next send goes through on a new one.
    const receipt = await email.send(message({ deliveryId: "dlv_02" }));
    expect(receipt.messageId).toBe("<otp.code.dlv_02@acme.test>");
    expect(smtp.received).toHaveLength(1);
  });

  it("rejects with ABORTED on a timeout signal (AbortSignal.timeout)", async () => {
    smtp.hangNextMail();
    const error = await otpErrorOf(channel().send(message(), { signal: AbortSignal.timeout(200) }));
    expect(error.code).toBe("ABORTED");
    expect(error.details).toMatchObject({ reason: "TimeoutError" });
    // A timeout is retryable: the server may only have been slow.
    expect(error.retryable).toBe(true);
  });
});

describe("recipient and header injection are refused before any SMTP traffic", () => {
  const refusedRecipients = [
    "a@x.com, b@y.com",
    "a@x.com;b@y.com",
    '"a@x.com" <b@y.com>',
    "Ana <ana@example.com>",
    "<ana@example.com>",
    "ana@example.com\r\nBcc: eve@evil.test",
    "ana@example.com\nBcc: eve@evil.test",
    '"victim@x.com, evil"@evil.test',
    "ana@[127.0.0.1]",
    "ana@example.com ",
    " ana@example.com",
    "ana@@example.com",
    "ana",
    "",
  ];

  it.each(refusedRecipients)("to %j → RECIPIENT_INVALID", async (to) => {
    const error = await otpErrorOf(channel().send(message({ to })));
    expect(error.code).toBe("RECIPIENT_INVALID");
    expect(error.retryable).toBe(false);
    expect(error.field).toBe("to");
    expect(smtp.connections).toBe(0);
    expect(smtp.rcpts).toEqual([]);
  });

  it.each([
    "Ana\r\nBcc: eve@evil.test",
    "Ana\nSubject: hijacked",
    "Ana\rX-Evil: 1",
    "Ana\u2028Bcc: eve@evil.test",
  ])("recipient.name %j → RECIPIENT_INVALID", async (name) => {
    const error = await otpErrorOf(channel().send(message({ recipient: { name } })));
    expect(error.code).toBe("RECIPIENT_INVALID");
    expect(error.field).toBe("recipient.name");
    expect(smtp.connections).toBe(0);
  });

  it("refuses templates and options that carry a line break at construction", () => {
    expect(() =>
      channel({ templates: { en: { code: { subject: "Code\r\nBcc: eve@evil.test" } } } }),
    ).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID", field: "templates.en.code.subject" }),
    );
    expect(() => channel({ productName: "Acme\r\nBcc: eve@evil.test" })).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID", field: "productName" }),
    );
    expect(() => channel({ supportContact: "help@acme.test\nBcc: eve@evil.test" })).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID", field: "supportContact" }),
    );
    expect(() => channel({ from: "Acme <no-reply@acme.test>\r\nBcc: eve@evil.test" })).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID", field: "from" }),
    );
    expect(smtp.connections).toBe(0);
  });

  it("puts a hostile-looking but valid name only in the body, never in a header", async () => {
    const name = "Eve Bcc: eve@evil.test";
    await channel({ templates: { en: { code: { subject: "Code for {{name}}" } } } }).send(
      message({ recipient: { name } }),
    );
    const { parsed, envelope, raw } = smtp.received[0]!;
    expect(envelope.to).toEqual(["ana@example.com"]);
    expect(smtp.rcpts).toEqual(["ana@example.com"]);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.cc).toBeUndefined();
    expect(parsed.subject).toBe(`Code for ${name}`);
    const headerBlock = raw.slice(0, raw.indexOf("\r\n\r\n"));
    expect(headerBlock).not.toMatch(/^bcc:/im);
  });
});
