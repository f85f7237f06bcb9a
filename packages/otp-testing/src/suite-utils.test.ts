import { OtpError } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { containsSecret, findSecret, resolveSkips } from "./suite-utils.js";

const TESTS = ["a", "b", "c"] as const;

describe("resolveSkips", () => {
  it("maps each skipped test to its trimmed reason", () => {
    const reasons = resolveSkips("suite", TESTS, [
      { reason: " no TTL below 1 s ", tests: ["a", "c"] },
      { reason: "no atomic counter", tests: ["b"] },
    ]);
    expect([...reasons]).toEqual([
      ["a", "no TTL below 1 s"],
      ["c", "no TTL below 1 s"],
      ["b", "no atomic counter"],
    ]);
    expect(resolveSkips("suite", TESTS, undefined).size).toBe(0);
  });

  it("rejects unknown test names and empty reasons", () => {
    // A typo must not silently run (or skip) the wrong test.
    expect(() => resolveSkips("suite", TESTS, [{ reason: "x", tests: ["d" as "a"] }])).toThrow(
      /"skip\[0\]\.tests" expected names from the suite's test list, got "d"/,
    );
    expect(() => resolveSkips("suite", TESTS, [{ reason: "  ", tests: ["a"] }])).toThrow(
      /"skip\[0\]\.reason" expected a non-empty string/,
    );
    expect(() => resolveSkips("suite", TESTS, [{ reason: "", tests: ["a"] }])).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID", field: "skip[0].reason" }),
    );
  });
});

describe("findSecret", () => {
  const code = "918273";

  it("returns null for an error that does not contain the code", () => {
    const error = new OtpError("DELIVERY_FAILED", "[email] 550 no such user", {
      cause: new Error("550 5.1.1 unknown recipient", { cause: { status: 550 } }),
      details: { status: 550 },
    });
    expect(findSecret(error, code)).toBeNull();
  });

  it("finds the code in the message, details, cause chain and hidden properties", () => {
    expect(findSecret(new Error(`code ${code} rejected`), code)).toBe("error.message");
    expect(
      findSecret(
        new OtpError("DELIVERY_FAILED", undefined, { details: { body: `{"code":"${code}"}` } }),
        code,
      ),
    ).toBe("error.details.body");
    const deep = new Error("outer", {
      cause: new Error("middle", { cause: { body: { params: [code] } } }),
    });
    expect(findSecret(deep, code)).toBe("error.cause.cause.body.params.0");
    const hidden = new Error("clean");
    Object.defineProperty(hidden, "response", { value: `text ${code}`, enumerable: false });
    expect(findSecret(hidden, code)).toBe("error.response");
    const aggregate = new AggregateError([new Error(code)], "all failed");
    expect(findSecret(aggregate, code)).toMatch(/^error\.errors\.0/);
  });

  it("survives cycles and throwing getters", () => {
    const error = new Error("clean") as Error & { self?: unknown };
    error.self = error;
    Object.defineProperty(error, "boom", {
      get() {
        throw new Error("getter");
      },
      enumerable: true,
    });
    expect(findSecret(error, code)).toBeNull();
  });
});

describe("containsSecret", () => {
  it("sees the code through spaces, hyphens and zero-width characters", () => {
    for (const text of ["918273", "x 918 273 y", "918-273", "9\u200b18273", "918\u00a0273"]) {
      expect(containsSecret(text, "918273"), text).toBe(true);
    }
    expect(containsSecret("9182 7", "918273")).toBe(false);
  });
});
