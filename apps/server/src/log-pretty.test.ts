import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { prettyLine, prettyStream } from "./log-pretty.js";
import { createLogger } from "./logger.js";

describe("development logs in a terminal", () => {
  it("reads as time, level, message and key=value fields", () => {
    const line = JSON.stringify({
      level: 30,
      time: "2026-12-01T09:31:02.123Z",
      service: "otpkit-server",
      msg: "request",
      method: "POST",
      route: "/api/v1/verifications",
      status: 201,
      err: { code: "STORE_UNAVAILABLE" },
    });
    expect(prettyLine(line, false)).toBe(
      '09:31:02 INFO  request method=POST route=/api/v1/verifications status=201 err={"code":"STORE_UNAVAILABLE"}',
    );
    expect(prettyLine("not json", false)).toBe("not json");
    expect(prettyLine(JSON.stringify({ level: 50, msg: "x" }), true)).toContain("\x1b[31mERROR");
  });

  it("keeps the logger's redaction: a code never reaches the terminal", async () => {
    const out = new PassThrough();
    let text = "";
    out.on("data", (chunk) => {
      text += String(chunk);
    });
    const logger = createLogger("info", prettyStream(out, false));
    logger.info({ request: { code: "482913" }, token: "otpk_secret" }, "checked");
    await new Promise((resolve) => setImmediate(resolve));
    expect(text).toMatch(/^\d\d:\d\d:\d\d INFO {2}checked /);
    expect(text).not.toContain("482913");
    expect(text).not.toContain("otpk_secret");
  });
});
