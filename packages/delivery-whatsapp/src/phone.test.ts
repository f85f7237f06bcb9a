import { expect, test } from "vitest";
import { toE164 } from "./phone.js";

test.each([
  ["+34600123478", "+34600123478"],
  ["+1 (201) 555-0123", "+12015550123"],
  ["+44 7700.900.123", "+447700900123"],
  ["+12345678", "+12345678"],
  ["+123456789012345", "+123456789012345"],
])("%s → %s", (input, expected) => {
  expect(toE164(input)).toBe(expected);
});

test.each([
  "34600123478",
  "0034600123478",
  "+0600123478",
  "+1234567",
  "+1234567890123456",
  "+34 600 123 478 ext 5",
  "++34600123478",
  "+34600123478\n",
  "+34600123478,+15550100099",
  "ada@example.com",
  "",
])("%j is refused", (input) => {
  expect(toE164(input)).toBeUndefined();
});

test("non-strings are refused", () => {
  for (const value of [undefined, null, 34600123478, {}]) expect(toE164(value)).toBeUndefined();
});
