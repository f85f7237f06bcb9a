import type { Otp, OtpOptions } from "@otpkit/otp-core";
import { createMemoryStore, createOtp } from "@otpkit/otp-core";
import { createFakeChannel } from "@otpkit/otp-testing";
import { createConversationAuth } from "../src/conversation-auth.js";
import { createMemoryDirectory } from "../src/directory.js";
import type { ConversationAuthOptions } from "../src/options.js";
import { CONVERSATION_OTP_OPTIONS } from "../src/options.js";

export const START = Date.parse("2026-03-01T10:00:00Z");
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The seed's people: 4721 has a phone (***78), 5100 only an e-mail, 6200 both, 7300 neither. */
export const PEOPLE = [
  { id: "e-4721", employeeNumber: "4721", phone: "(415) 555-2678", name: "Ana", locale: "en" },
  { id: "e-5100", employeeNumber: "5100", email: "luis@example.com" },
  { id: "e-6200", employeeNumber: "6200", phone: "+52 55 1234 5678", email: "eva@example.com" },
  { id: "e-7300", employeeNumber: "7300", name: "Nobody" },
];

/**
 * A conversation-auth over otp-core's memory store, fake WhatsApp and e-mail channels, and a clock.
 * `engine` goes into `createOtp` (`{ retryOnFailure: true }`); `wrap` may wrap the engine the
 * conversation uses (to run something in the middle of an engine call).
 */
export function setup(
  overrides: Partial<ConversationAuthOptions> = {},
  engine: Partial<OtpOptions> = {},
  wrap: (otp: Otp) => Otp = (otp) => otp,
) {
  let clock = START;
  const now = () => clock;
  const store = createMemoryStore({ now });
  const whatsapp = createFakeChannel({ name: "whatsapp", address: "phone" });
  const email = createFakeChannel({ name: "email", address: "email" });
  const otp = createOtp({
    ...CONVERSATION_OTP_OPTIONS,
    store,
    secrets: [{ id: "k1", key: "conversation-auth-test-secret-0123456789" }],
    namingKey: "conversation-auth-test-naming-key-0123456789",
    channels: [whatsapp, email],
    now,
    scheduleUnlocks: false,
    ...engine,
  });
  const directory = createMemoryDirectory(PEOPLE, { field: "employeeNumber" });
  const auth = createConversationAuth({
    otp: wrap(otp),
    store,
    directory,
    defaultCountry: "US",
    now,
    ...overrides,
  });
  return {
    auth,
    now,
    otp,
    store,
    whatsapp,
    email,
    /** Moves the clock forward. */
    advance(ms: number) {
      clock += ms;
    },
    /** The code as the user reads it on their phone. */
    phoneCode(): string {
      const code = whatsapp.lastCode();
      if (code === undefined) throw new Error("no code was sent by WhatsApp");
      return code;
    },
  };
}

/** A wrong code: the right one with its first digit changed. */
export function wrong(code: string, n = 1): string {
  return `${(Number(code[0]) + n) % 10}${code.slice(1)}`;
}
