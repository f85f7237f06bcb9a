import { readFileSync } from "node:fs";
import { OTP_ERROR_CODES, OtpError } from "@otpkit/otp-core";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { errorBody, errorResponse, HTTP_ERROR_STATUS, publicMessage } from "../src/http-errors.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The README's error table: each row's statuses and the codes listed in it. */
function readmeRows(): Array<{ statuses: number[]; codes: string[] }> {
  const section = readme.slice(readme.indexOf("### Errors"), readme.indexOf("## Hosted"));
  return [...section.matchAll(/^\| ([\d /]+) \| (.+?) \|/gm)].map((m) => ({
    statuses: m[1]!.split("/").map((s) => Number(s.trim())),
    codes: [...m[2]!.matchAll(/`([A-Z_]+)`/g)].map((c) => c[1]!),
  }));
}

describe("the HTTP error table", () => {
  it("is locked: every code the API answers and its status (changing one is a deliberate API change)", () => {
    expect(HTTP_ERROR_STATUS).toEqual({
      INVALID_JSON: 400,
      VALIDATION_FAILED: 400,
      UNAUTHORIZED: 401,
      NOT_FOUND: 404,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      LOCKED: 423,
      THROTTLED: 429,
      API_KEY_QUOTA_EXCEEDED: 429,
      INTERNAL: 500,
      DATABASE_UNAVAILABLE: 503,
      CONFIG_INVALID: 500,
      INVALID_ARGUMENT: 400,
      STORE_UNAVAILABLE: 503,
      STORE_DATA_INVALID: 500,
      STORE_FULL: 503,
      STORE_CONTENTION: 503,
      NO_CHANNEL: 422,
      DESTINATION_NOT_ALLOWED: 422,
      DELIVERY_FAILED: 502,
      RECIPIENT_INVALID: 422,
      PROVIDER_REJECTED: 502,
      PROVIDER_THROTTLED: 503,
      ABORTED: 504,
      IDEMPOTENCY_CONFLICT: 409,
      SECRET_UNKNOWN: 500,
      CRYPTO_FAILED: 500,
    });
    // Every engine code has its status here.
    for (const code of Object.keys(OTP_ERROR_CODES))
      expect(HTTP_ERROR_STATUS, code).toHaveProperty(code);
  });

  it("is the README's, both ways: each code is listed under its status, and nothing else is", () => {
    const rows = readmeRows();
    expect(rows.length).toBeGreaterThan(5);
    for (const [code, status] of Object.entries(HTTP_ERROR_STATUS)) {
      const row = rows.find((r) => r.codes.includes(code));
      expect(row, code).toBeDefined();
      expect(row!.statuses, code).toContain(status);
    }
    const listed = rows.flatMap((r) => r.codes);
    expect([...listed].sort()).toEqual(Object.keys(HTTP_ERROR_STATUS).sort());
  });

  it("gives each code its status: errorResponse takes the status from the table", async () => {
    const app = new Hono();
    app.get("/:code", (c) =>
      errorResponse(c, c.req.param("code") as keyof typeof HTTP_ERROR_STATUS, "words"),
    );
    for (const [code, status] of Object.entries(HTTP_ERROR_STATUS)) {
      const res = await app.request(`/${code}`);
      expect(res.status, code).toBe(status);
      expect(await res.json()).toEqual({ error: { code, message: "words" } });
    }
    // Only codes of the table type-check (tsc runs over the tests).
    // @ts-expect-error: not a code of the table
    expect(errorBody("NOT_A_CODE", "x").error.code).toBe("NOT_A_CODE");
  });

  it("says which idempotency conflict it is, and hides 5xx internals", () => {
    const used = new OtpError("IDEMPOTENCY_CONFLICT", "engine words", { retryable: false });
    expect(publicMessage(used)).toBe(
      "This idempotency key was already used for a different request; use a new key for a new request",
    );
    const busy = new OtpError("IDEMPOTENCY_CONFLICT", "engine words", { retryable: true });
    expect(publicMessage(busy)).toBe(
      "A request with this idempotency key is still in progress; retry shortly",
    );
    const full = new OtpError("STORE_FULL", "[memory] holds 100000 live keys");
    expect(publicMessage(full)).toBe("The service could not complete the request");
    const bad = new OtpError("INVALID_ARGUMENT", '"subject" expected 1..256 characters');
    expect(publicMessage(bad)).toBe('"subject" expected 1..256 characters');
  });
});
