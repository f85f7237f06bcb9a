import { describe, expect, it } from "vitest";
import { displayNameFrom, normalizeAddress, parseMailbox } from "./address.js";

describe("normalizeAddress", () => {
  it.each([
    ["ana@example.com", "ana@example.com"],
    ["Ana.Lopez+otp@Example.COM", "Ana.Lopez+otp@example.com"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["user@sub.domain.example.co.uk", "user@sub.domain.example.co.uk"],
    ["ana@bücher.example", "ana@xn--bcher-kva.example"],
    ["ana@xn--bcher-kva.example", "ana@xn--bcher-kva.example"],
  ])("accepts %j", (input, output) => {
    expect(normalizeAddress(input)).toBe(output);
  });

  it.each([
    "a@x.com, b@y.com",
    "a@x.com,b@y.com",
    "a@x.com;b@y.com",
    "a@x.com b@y.com",
    '"a@x.com" <b@y.com>',
    "Ana <ana@example.com>",
    "<ana@example.com>",
    '"victim@x.com, evil"@evil.test',
    '"quoted"@example.com',
    "ana(comment)@example.com",
    "ana@example.com(comment)",
    "ana@[127.0.0.1]",
    "ana@127.0.0.1",
    "ana@localhost",
    "ana@example",
    "ana@-example.com",
    "ana@example-.com",
    "ana@exa_mple.com",
    "ana@example..com",
    ".ana@example.com",
    "ana.@example.com",
    "an..a@example.com",
    "ana@@example.com",
    "@example.com",
    "ana@",
    "ana",
    "ana@example.com\r\nBcc: eve@evil.test",
    "ana@example.com\n",
    "ana@example.com\u0000",
    "ana@example.com\u2028",
    " ana@example.com",
    "añа@example.com",
    `${"a".repeat(65)}@example.com`,
    `ana@${"a".repeat(250)}.com`,
    "",
    42,
    null,
    ["ana@example.com"],
    { address: "ana@example.com" },
  ])("refuses %j", (input) => {
    expect(normalizeAddress(input)).toBeUndefined();
  });
});

describe("parseMailbox", () => {
  it.each([
    ["no-reply@acme.test", { address: "no-reply@acme.test" }],
    ["Acme <no-reply@acme.test>", { name: "Acme", address: "no-reply@acme.test" }],
    ['"Acme, Inc." <no-reply@acme.test>', { name: "Acme, Inc.", address: "no-reply@acme.test" }],
    ["  <no-reply@acme.test>  ", { address: "no-reply@acme.test" }],
    [
      { name: "Acme", address: "no-reply@acme.test" },
      { name: "Acme", address: "no-reply@acme.test" },
    ],
    [{ address: "no-reply@acme.test" }, { address: "no-reply@acme.test" }],
  ])("parses %j", (input, output) => {
    expect(parseMailbox(input)).toEqual(output);
  });

  it.each([
    "a@acme.test, b@acme.test",
    "Acme <a@acme.test>, Other <b@acme.test>",
    '"a@acme.test" <b@acme.test>',
    "Acme <no-reply@acme.test>\r\nBcc: eve@evil.test",
    "Acme\r\n <no-reply@acme.test>",
    { name: "Acme\r\nBcc: eve@evil.test", address: "no-reply@acme.test" },
    { name: "<evil@x.com>", address: "no-reply@acme.test" },
    { address: "a@acme.test, b@acme.test" },
    "",
    undefined,
  ])("refuses %j", (input) => {
    expect(parseMailbox(input)).toBeUndefined();
  });
});

describe("displayNameFrom", () => {
  it.each([
    ["Acme", "Acme"],
    ["Acme, Inc.", "Acme, Inc."],
    ["Acme <Support>", "Acme Support"],
    ['"Acme" @ home', "Acme home"],
    ["Ac\\me\r\nBcc: victim@example.com", "Ac me Bcc: victim example.com"],
    ["Acme\u2028Inc\u0085", "Acme Inc"],
    ["  Ünïcødé 製品  ", "Ünïcødé 製品"],
  ])("makes %j a name the sender accepts: %j", (text, name) => {
    expect(displayNameFrom(text)).toBe(name);
    expect(parseMailbox({ name, address: "no-reply@example.com" })).toEqual({
      name,
      address: "no-reply@example.com",
    });
  });

  it.each(["", "   ", "<@>", '"\\"', "\r\n\t"])("gives no name for %j", (text) => {
    expect(displayNameFrom(text)).toBeUndefined();
  });

  it("cuts a long text to the 128 characters a name may have", () => {
    const name = displayNameFrom(`${"a".repeat(127)} <${"b".repeat(300)}>`);
    expect(name).toBe(`${"a".repeat(127)}`);
    expect(displayNameFrom("x".repeat(300))).toHaveLength(128);
    expect(
      parseMailbox({ name: displayNameFrom("x".repeat(300)), address: "a@example.com" }),
    ).toBeDefined();
  });
});
