import { describe, expect, it } from "vitest";
import { parseServerMessageId } from "./receipt.js";

describe("parseServerMessageId", () => {
  it.each([
    ["250 2.0.0 Ok: queued as 4Xb7Kq1ZyTz9", "4Xb7Kq1ZyTz9"],
    ["250 Ok: queued as 0A1B2C3D4E", "0A1B2C3D4E"],
    ["250 OK id=1rABCd-000ABC-2x", "1rABCd-000ABC-2x"],
    ["250 Ok <20261122.abc123@mailgun.example>", "<20261122.abc123@mailgun.example>"],
    ["250 2.0.0 OK: <id.42@relay.example>", "<id.42@relay.example>"],
  ])("reads %j", (response, id) => {
    expect(parseServerMessageId(response)).toBe(id);
  });

  it.each([
    "250 OK: message queued",
    "250 Great success",
    "550 5.1.1 queued as NOPE",
    "250 Ok: queued as",
    '250 Ok: queued as "a b"',
    undefined,
    42,
  ])("finds nothing in %j", (response) => {
    expect(parseServerMessageId(response)).toBeUndefined();
  });
});
