import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { classifyFacts, EmailTransportError, extractFacts, toOtpError } from "./smtp-errors.js";

// Shapes as nodemailer 10 builds them (SMTPConnection#_formatError): code, response,
// responseCode, permanent, command; socket errors keep originalCode.
function nodemailerError(fields: Record<string, unknown>): Error {
  return Object.assign(
    new Error(`${String(fields["code"])}: ${String(fields["response"] ?? "")}`),
    fields,
  );
}

describe("classifyFacts", () => {
  it.each([
    [{ code: "EABORT" }, "ABORTED", false],
    [
      { code: "EAUTH", responseCode: 535, permanent: true, command: "AUTH PLAIN" },
      "PROVIDER_REJECTED",
      false,
    ],
    [
      { code: "EAUTH", responseCode: 454, permanent: false, command: "AUTH PLAIN" },
      "DELIVERY_FAILED",
      true,
    ],
    [{ code: "ENOAUTH" }, "PROVIDER_REJECTED", false],
    [{ code: "EOAUTH2" }, "PROVIDER_REJECTED", false],
    [{ code: "ETLS" }, "PROVIDER_REJECTED", false],
    [{ code: "EREQUIRETLS" }, "PROVIDER_REJECTED", false],
    [{ code: "ESOCKET", originalCode: "DEPTH_ZERO_SELF_SIGNED_CERT" }, "PROVIDER_REJECTED", false],
    [{ code: "ESOCKET", originalCode: "ERR_SSL_WRONG_VERSION_NUMBER" }, "PROVIDER_REJECTED", false],
    [{ code: "ESOCKET", originalCode: "ECONNREFUSED" }, "DELIVERY_FAILED", true],
    [{ code: "ESOCKET", originalCode: "ERR_ACCESS_DENIED" }, "CONFIG_INVALID", false],
    [{ code: "ECONNECTION" }, "DELIVERY_FAILED", true],
    [{ code: "ETIMEDOUT", timeoutType: "GREETING_TIMEOUT" }, "DELIVERY_FAILED", true],
    [{ code: "EDNS", originalCode: "ENOTFOUND" }, "DELIVERY_FAILED", true],
    [{ code: "EMAXLIMIT" }, "DELIVERY_FAILED", true],
    [{ code: "EMAXRECIPIENTS" }, "RECIPIENT_INVALID", false],
    [{ code: "ECONFIG" }, "CONFIG_INVALID", false],
    [{ code: "EFILEACCESS" }, "CONFIG_INVALID", false],
    [
      {
        code: "EENVELOPE",
        responseCode: 550,
        permanent: true,
        command: "RCPT TO",
        enhancedStatus: "5.1.1",
      },
      "RECIPIENT_INVALID",
      false,
    ],
    [
      {
        code: "EENVELOPE",
        responseCode: 550,
        permanent: true,
        command: "RCPT TO",
        enhancedStatus: "5.7.1",
      },
      "DELIVERY_FAILED",
      false,
    ],
    [
      { code: "EENVELOPE", responseCode: 553, permanent: true, command: "MAIL FROM" },
      "PROVIDER_REJECTED",
      false,
    ],
    [
      { code: "EENVELOPE", responseCode: 451, permanent: false, command: "RCPT TO" },
      "DELIVERY_FAILED",
      true,
    ],
    [
      {
        code: "EENVELOPE",
        responseCode: 421,
        permanent: false,
        command: "MAIL FROM",
        throttled: true,
      },
      "PROVIDER_THROTTLED",
      true,
    ],
    [
      { code: "EMESSAGE", responseCode: 554, permanent: true, command: "DATA" },
      "DELIVERY_FAILED",
      false,
    ],
    [
      { code: "EMESSAGE", responseCode: 503, permanent: false, command: "DATA" },
      "DELIVERY_FAILED",
      true,
    ],
    // Without `permanent` (an older or custom transport), the reply code decides.
    [{ code: "EMESSAGE", responseCode: 550 }, "DELIVERY_FAILED", false],
    [{ code: "EPROTOCOL" }, "DELIVERY_FAILED", false],
    [{ code: "ECONNRESET" }, "DELIVERY_FAILED", true],
    [{}, "DELIVERY_FAILED", false],
  ] as const)("%j → %s (retryable %s)", (facts, code, retryable) => {
    expect(classifyFacts(facts)).toMatchObject({ code, retryable });
  });
});

describe("extractFacts", () => {
  it("reads codes, the enhanced status and the throttling hint, never the text", () => {
    const facts = extractFacts(
      nodemailerError({
        code: "EENVELOPE",
        response: "450 4.7.28 Our system has detected an unusual rate of unsolicited mail",
        responseCode: 450,
        permanent: false,
        command: "RCPT TO",
      }),
    );
    expect(facts).toMatchObject({
      code: "EENVELOPE",
      responseCode: 450,
      enhancedStatus: "4.7.28",
      throttled: true,
    });
  });

  it("drops fields that are not plain identifiers", () => {
    const facts = extractFacts({
      code: "E\r\nBAD code 123456",
      command: "RCPT TO:<a@b.c> 123456",
      originalCode: 42,
    });
    expect(facts.code).toBeUndefined();
    expect(facts.command).toBeUndefined();
    expect(facts.originalCode).toBeUndefined();
  });

  it("does not take greylisting for throttling", () => {
    const facts = extractFacts({
      responseCode: 451,
      response: "451 4.7.1 Greylisted, please try again later",
    });
    expect(facts.throttled).toBe(false);
  });
});

describe("toOtpError", () => {
  it("keeps only codes: no reply text, no message text, no original error", () => {
    const original = nodemailerError({
      code: "EMESSAGE",
      response: "554 5.7.1 Rejected: 'Your code is 918273'",
      responseCode: 554,
      permanent: true,
      command: "DATA",
      rejected: ["ana@example.com"],
    });
    const error = toOtpError(original);
    expect(error).toMatchObject({ code: "DELIVERY_FAILED", retryable: false, source: "email" });
    expect(error.details).toEqual({
      transportCode: "EMESSAGE",
      responseCode: 554,
      enhancedStatus: "5.7.1",
      command: "DATA",
    });
    expect(error.cause).toBeInstanceOf(EmailTransportError);
    expect(error.cause).not.toBe(original);
    const everything = `${inspect(error, { depth: 10, showHidden: true })}${JSON.stringify(error)}`;
    expect(everything).not.toContain("918273");
    expect(everything).not.toContain("Rejected");
    expect(everything).not.toContain("ana@example.com");
  });

  it("ignores the message of errors from custom transports", () => {
    const error = toOtpError(new Error('POST failed with body {"text":"Your code is 918273"}'));
    expect(error.code).toBe("DELIVERY_FAILED");
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain("918273");
  });

  it("accepts anything thrown", () => {
    for (const thrown of [undefined, null, "boom", 42, { code: 7 }]) {
      expect(toOtpError(thrown).code).toBe("DELIVERY_FAILED");
    }
  });
});
