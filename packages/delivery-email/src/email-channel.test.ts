import type { OtpMessage } from "@otpkit/otp-core";
import type { SentMessageInfo, Transport } from "nodemailer";
import { describe, expect, it } from "vitest";
import type { EmailChannelOptions } from "./email-channel.js";
import { createEmailChannel } from "./email-channel.js";
import { SMTP_DEFAULTS, smtpOptions } from "./smtp-transport.js";

// Option checks run at construction and open no connection (the host below does not exist).
const smtp = { host: "smtp.invalid", port: 587 };

function invalid(options: Record<string, unknown>, field: string, message?: RegExp) {
  let thrown: unknown;
  try {
    createEmailChannel(options as unknown as EmailChannelOptions);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toMatchObject({
    name: "OtpError",
    code: "CONFIG_INVALID",
    field,
    retryable: false,
  });
  if (message) expect((thrown as Error).message).toMatch(message);
  return thrown as Error;
}

describe("createEmailChannel", () => {
  it("returns a channel named email that addresses e-mail", async () => {
    const channel = createEmailChannel({ from: "no-reply@acme.test", smtp });
    expect(channel.name).toBe("email");
    expect(channel.address).toBe("email");
    await channel.close?.();
    await channel.close?.(); // idempotent
  });

  it("requires one valid sender", () => {
    invalid({ smtp }, "from", /^"from" expected one sender address/);
    invalid({ from: "no-reply", smtp }, "from");
    invalid({ from: "a@acme.test, b@acme.test", smtp }, "from");
    invalid({ from: { name: "Acme", address: "nope" }, smtp }, "from");
  });

  it("requires exactly one of smtp, outbox, transport", () => {
    invalid(
      { from: "no-reply@acme.test" },
      "smtp",
      /set "smtp", or "outbox: \{ dir \}" for development/,
    );
    invalid(
      { from: "no-reply@acme.test", smtp, outbox: { dir: "/tmp/x" } },
      "outbox",
      /choose one/,
    );
    invalid({ from: "no-reply@acme.test", transport: {} }, "transport");
  });

  it("checks SMTP options and never echoes a connection URL (it carries the password)", () => {
    const error = invalid(
      { from: "no-reply@acme.test", smtp: "http://user:hunter2@smtp.acme.test" },
      "smtp",
    );
    expect(error.message).not.toContain("hunter2");
    invalid({ from: "no-reply@acme.test", smtp: { port: 587 } }, "smtp.host");
    invalid({ from: "no-reply@acme.test", smtp: { host: "" } }, "smtp.host");
    invalid(
      { from: "no-reply@acme.test", smtp: { host: "smtp.invalid", port: 70000 } },
      "smtp.port",
    );
    invalid(
      { from: "no-reply@acme.test", smtp: { ...smtp, socketTimeout: -1 } },
      "smtp.socketTimeout",
    );
    invalid(
      { from: "no-reply@acme.test", smtp: { ...smtp, maxConnections: 0 } },
      "smtp.maxConnections",
    );
    const auth = invalid(
      { from: "no-reply@acme.test", smtp: { ...smtp, auth: "user:hunter2" } },
      "smtp.auth",
    );
    expect(auth.message).not.toContain("hunter2");
    invalid({ from: "no-reply@acme.test", smtp: 42 }, "smtp");
  });

  it("refuses nodemailer debug logging, which would log the code", () => {
    invalid(
      { from: "no-reply@acme.test", smtp: { ...smtp, debug: true } },
      "smtp.debug",
      /contains the code/,
    );
    invalid(
      { from: "no-reply@acme.test", smtp: "smtp://smtp.acme.test:25/?debug=true" },
      "smtp.debug",
    );
  });

  it("validates template and rendering options at construction", () => {
    invalid({ from: "no-reply@acme.test", smtp, timeZone: "Nowhere/Land" }, "timeZone");
    invalid({ from: "no-reply@acme.test", smtp, defaultLocale: "??" }, "defaultLocale");
    invalid(
      { from: "no-reply@acme.test", smtp, templates: { en: { code: { body: "no code" } } } },
      "templates.en.code.body",
    );
    const dkim = invalid(
      { from: "no-reply@acme.test", smtp, dkim: "-----BEGIN PRIVATE KEY-----" },
      "dkim",
    );
    expect(dkim.message).toMatch(/got a string$/);
  });
});

describe("smtpOptions", () => {
  it("applies short timeouts and a small pool unless told otherwise", () => {
    expect(smtpOptions(smtp)).toEqual({ ...SMTP_DEFAULTS, ...smtp, logger: false, debug: false });
    expect(SMTP_DEFAULTS).toMatchObject({
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    expect(smtpOptions({ ...smtp, pool: false, socketTimeout: 5_000 })).toMatchObject({
      pool: false,
      socketTimeout: 5_000,
    });
  });

  it("parses a connection URL, its credentials and query options", () => {
    expect(smtpOptions("smtps://otp:s3cret@smtp.acme.test:465/?maxConnections=1")).toMatchObject({
      host: "smtp.acme.test",
      port: 465,
      secure: true,
      auth: { user: "otp", pass: "s3cret" },
      maxConnections: 1,
      pool: true,
    });
    expect(smtpOptions({ url: "smtp://smtp.acme.test:2525", requireTLS: true })).toMatchObject({
      host: "smtp.acme.test",
      port: 2525,
      requireTLS: true,
    });
  });

  it("passes TLS and DKIM options through", () => {
    const tls = { minVersion: "TLSv1.2" as const, servername: "smtp.acme.test" };
    const dkim = { domainName: "acme.test", keySelector: "s1", privateKey: "PEM" };
    expect(smtpOptions({ ...smtp, tls, dkim })).toMatchObject({ tls, dkim });
  });
});

describe("abort with a transport that ignores the signal", () => {
  const message: OtpMessage = {
    kind: "code",
    to: "ana@example.com",
    recipient: {},
    code: "615243",
    ttlMs: 600_000,
    locale: "en",
    purpose: "login",
    deliveryId: "dlv_1",
  };

  /** A transport with no abort support that settles 80 ms later, whatever happens. */
  function slowTransport(
    outcome: "success" | "failure",
  ): Transport<SentMessageInfo> & { settled: number } {
    const transport = {
      name: "slow",
      version: "1",
      settled: 0,
      send(
        mail: { message: { getEnvelope(): SentMessageInfo["envelope"]; messageId(): string } },
        callback: (err: Error | null, info?: SentMessageInfo) => void,
      ) {
        setTimeout(() => {
          transport.settled++;
          if (outcome === "failure")
            callback(Object.assign(new Error("late failure"), { code: "ECONNECTION" }));
          else
            callback(null, {
              envelope: mail.message.getEnvelope(),
              messageId: mail.message.messageId(),
              response: "250 ok",
            });
        }, 80);
      },
    };
    return transport as unknown as Transport<SentMessageInfo> & { settled: number };
  }

  it.each(["success", "failure"] as const)(
    "rejects at once and absorbs a late %s",
    async (outcome) => {
      const transport = slowTransport(outcome);
      const channel = createEmailChannel({ from: "no-reply@acme.test", transport });
      const controller = new AbortController();
      const sending = channel.send(message, { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 20));
      controller.abort();
      await expect(sending).rejects.toMatchObject({ code: "ABORTED" });
      // Rejected before the transport finished: the race, not the transport, settled the send.
      expect(transport.settled).toBe(0);
      // The transport settles later; vitest fails the run on an unhandled rejection.
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(transport.settled).toBe(1);
    },
  );
});
