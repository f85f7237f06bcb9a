import { describe, expect, it } from "vitest";
import { abortedError, configError, intOption, raceAbort } from "./index.js";

describe("configError", () => {
  it('reads "field" expected X, got Y (fix), with the field and source on the error', () => {
    const error = configError("smtp.port", "integer 1..65535", 70000, "e.g. 587", {
      source: "email",
    });
    expect(error).toMatchObject({
      name: "OtpError",
      code: "CONFIG_INVALID",
      retryable: false,
      field: "smtp.port",
      source: "email",
      message: '"smtp.port" expected integer 1..65535, got 70000 (e.g. 587)',
    });
    expect(configError("length", "integer 4..10", 12).message).toBe(
      '"length" expected integer 4..10, got 12',
    );
    expect(configError("length", "integer 4..10", 12).source).toBeUndefined();
  });

  it("shows got short: quoted strings, long strings by length, objects by kind", () => {
    const got = (value: unknown) =>
      configError("f", "x", value).message.replace('"f" expected x, got ', "");
    expect(got("hex")).toBe('"hex"');
    expect(got("x".repeat(61))).toBe("a string of 61 characters");
    expect(got(6.5)).toBe("6.5");
    expect(got(true)).toBe("true");
    expect(got(undefined)).toBe("undefined");
    expect(got(null)).toBe("null");
    expect(got([1, 2])).toBe("an array");
    expect(got({ secret: "hunter2" })).toBe("an object");
    expect(got(() => "hunter2")).toBe("a function");
  });

  it("shows only the kind of a redacted value", () => {
    const url = "smtps://user:hunter2@smtp.acme.test";
    const error = configError("smtp", "an smtp:// URL", url, undefined, { redact: true });
    expect(error.message).toBe('"smtp" expected an smtp:// URL, got a string');
    expect(configError("n", "x", 5, undefined, { redact: true }).message).toMatch(/got a number$/);
    expect(configError("n", "x", null, undefined, { redact: true }).message).toMatch(/got null$/);
  });
});

describe("intOption", () => {
  it("returns an integer in range and refuses anything else, naming the field", () => {
    expect(intOption("timeoutMs", 100, 100, 120_000)).toBe(100);
    expect(intOption("timeoutMs", 120_000, 100, 120_000)).toBe(120_000);
    for (const bad of [99, 120_001, 1.5, "200", Number.NaN, undefined]) {
      expect(() => intOption("timeoutMs", bad, 100, 120_000, { source: "sms" })).toThrow(
        expect.objectContaining({ code: "CONFIG_INVALID", field: "timeoutMs", source: "sms" }),
      );
    }
    expect(() => intOption("timeoutMs", 0, 100, 120_000)).toThrow(
      '"timeoutMs" expected integer 100..120000, got 0',
    );
  });
});

describe("abortedError", () => {
  it("is a retryable ABORTED for a timeout, with the reason as cause", () => {
    const signal = AbortSignal.timeout(0);
    return new Promise<void>((resolve) => {
      signal.addEventListener("abort", () => {
        const error = abortedError(signal, "sms", "The SMS send was aborted");
        expect(error).toMatchObject({
          name: "OtpError",
          code: "ABORTED",
          retryable: true,
          source: "sms",
          message: "The SMS send was aborted",
          details: { reason: "TimeoutError" },
        });
        expect(error.cause).toBe(signal.reason);
        resolve();
      });
    });
  });

  it("is not retryable for any other abort", () => {
    const plain = new AbortController();
    plain.abort();
    const error = abortedError(plain.signal, "sms");
    expect(error).toMatchObject({
      code: "ABORTED",
      retryable: false,
      source: "sms",
      message: "The operation was aborted",
      details: { reason: "AbortError" },
    });
    expect(error.cause).toBe(plain.signal.reason);

    const shutdown = new Error("shutting down");
    const withError = new AbortController();
    withError.abort(shutdown);
    expect(abortedError(withError.signal, "sms")).toMatchObject({
      retryable: false,
      cause: shutdown,
      details: { reason: "Error" },
    });
  });

  it("keeps only a plain name in details, whatever the reason is", () => {
    const odd = new AbortController();
    odd.abort(Object.assign(new Error("x"), { name: "Timeout Error <script>" }));
    expect(abortedError(odd.signal, "sms").details).toEqual({ reason: "unknown" });
    const text = new AbortController();
    text.abort("bye");
    expect(abortedError(text.signal, "sms")).toMatchObject({
      retryable: false,
      cause: "bye",
      details: { reason: "string" },
    });
  });
});

describe("raceAbort", () => {
  const never = () => new Promise<string>(() => {});

  it("passes the work's outcome through when nothing aborts", async () => {
    const controller = new AbortController();
    await expect(raceAbort(Promise.resolve("sent"), controller.signal)).resolves.toBe("sent");
    await expect(raceAbort(Promise.reject(new Error("refused")), undefined)).rejects.toThrow(
      "refused",
    );
  });

  it("rejects with onAbort(signal) as soon as the signal fires, even if the work never settles", async () => {
    const controller = new AbortController();
    const racing = raceAbort(never(), controller.signal, (s) => abortedError(s, "sms"));
    controller.abort();
    await expect(racing).rejects.toMatchObject({ code: "ABORTED", source: "sms" });
  });

  it("rejects at once for a signal that has already fired, with its reason by default", async () => {
    const reason = new Error("shutting down");
    await expect(raceAbort(never(), AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it("absorbs a late failure of the work after the abort won", async () => {
    const controller = new AbortController();
    let fail: (error: Error) => void = () => {};
    const work = new Promise<string>((_, reject) => {
      fail = reject;
    });
    const racing = raceAbort(work, controller.signal);
    controller.abort();
    await expect(racing).rejects.toMatchObject({ name: "AbortError" });
    fail(new Error("late"));
    await expect(work).rejects.toThrow("late");
  });
});
