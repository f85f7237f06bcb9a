import type { OtpMessage } from "@otpkit/otp-core";
import { expect, test } from "vitest";
import { renderWhatsAppRequest } from "./render.js";

const base: OtpMessage = {
  kind: "code",
  to: "+34600123478",
  recipient: { phone: "+34600123478", name: "Ada Lovelace", email: "ada@example.com" },
  code: "AB12CD",
  locale: "en",
  purpose: "login",
  deliveryId: "dlv-1",
};

test("the code twice, in the body and in button 0 (sub_type url), and nothing about the person", () => {
  const body = renderWhatsAppRequest(base);
  expect(body.template.components).toEqual([
    { type: "body", parameters: [{ type: "text", text: "AB12CD" }] },
    { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "AB12CD" }] },
  ]);
  const text = JSON.stringify(body);
  for (const personal of ["Ada", "ada@example.com", "login", "http"])
    expect(text).not.toContain(personal);
});

test("15 characters is the limit", () => {
  expect(() => renderWhatsAppRequest({ ...base, code: "A".repeat(15) })).not.toThrow();
  expect(() => renderWhatsAppRequest({ ...base, code: "A".repeat(16) })).toThrow(/15/);
  expect(() => renderWhatsAppRequest({ ...base, code: "12 34" })).toThrow(/printable/);
});

test("unknown kinds and bad options are refused", () => {
  expect(() => renderWhatsAppRequest({ ...base, kind: "promo" as OtpMessage["kind"] })).toThrow(
    /kind/,
  );
  expect(() => renderWhatsAppRequest(base, { languages: [] })).toThrow(/languages/);
});
