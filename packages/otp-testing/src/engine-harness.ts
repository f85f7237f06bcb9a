// The engine suite's harness: an engine per test on the store under test, with two fake
// channels, a simulated clock and the events it emitted; closed (and the store cleaned) after
// each test. Used by the parts of `describeOtpEngine` (engine-suite-*.ts).
import type { OtpEvent, OtpOptions, OtpStore } from "@otpkit/otp-core";
import { createOtp } from "@otpkit/otp-core";
import { afterEach } from "vitest";
import type { FakeChannel } from "./fake-channel.js";
import { createFakeChannel } from "./fake-channel.js";

/** Options for {@link describeOtpEngine}. */
export interface DescribeOtpEngineOptions {
  /** Shown in the suite title (`"redis"`). */
  name: string;
  /** A fresh, isolated store for each test (a new key prefix, a new file). */
  createStore: () => OtpStore | Promise<OtpStore>;
  /** Called after each test with the store it used. */
  cleanup?: (store: OtpStore) => void | Promise<void>;
}

export const SECRET_A = { id: "a", key: "engine-suite-secret-a-0123456789abcdef" };
export const SECRET_B = { id: "b", key: "engine-suite-secret-b-0123456789abcdef" };
const NAMING_KEY = "engine-suite-naming-key-0123456789abcdef";
export const MINUTE = 60_000;

/** One engine of a test, with what it did. */
export interface Harness {
  otp: ReturnType<typeof createOtp>;
  store: OtpStore;
  events: OtpEvent[];
  email: FakeChannel;
  phone: FakeChannel;
  advance(ms: number): void;
  now(): number;
  of(type: OtpEvent["type"]): OtpEvent[];
}

/** What the suite's parts build their tests from. */
export interface EngineTools {
  /** An engine on a fresh store, or on `shared` (a second process on the same backend). */
  setup(overrides?: Partial<OtpOptions>, shared?: OtpStore): Promise<Harness>;
  /** A subject unique to one test, so tests sharing a backend never meet. */
  subject(): string;
  /** Issues an undelivered code and returns it. */
  issueCode(h: Harness, who: string, purpose?: string): Promise<string>;
  /**
   * The same length and alphabet, the last symbol changed: a realistic wrong guess. Never one of
   * `avoid` either (a code the subject was sent before, which would be answered `replaced`).
   */
  wrong(code: string, ...avoid: string[]): string;
}

/**
 * The harness for one suite run: call inside a `describe`; it registers the `afterEach` that
 * closes every engine it made and cleans up their stores.
 *
 * @throws {Error} From `issueCode` when the engine does not issue.
 * @example
 * describe("engine", () => { const tools = engineHarness(options); engineCodesTests(tools); });
 */
export function engineHarness(options: DescribeOtpEngineOptions): EngineTools {
  const open: Array<{ store: OtpStore | null; otp: { close(): Promise<void> } }> = [];

  afterEach(async () => {
    for (const { store, otp } of open.splice(0)) {
      await otp.close();
      if (store) await options.cleanup?.(store);
    }
  });

  return {
    async setup(overrides = {}, shared) {
      const store = shared ?? (await options.createStore());
      let t = Date.UTC(2026, 10, 22, 12, 0, 0);
      const events: OtpEvent[] = [];
      const email = createFakeChannel({ name: "email", address: "email" });
      const phone = createFakeChannel({ name: "whatsapp", address: "phone" });
      const otp = createOtp({
        store,
        secrets: [SECRET_A],
        namingKey: NAMING_KEY,
        channels: [email, phone],
        events: (event) => {
          events.push(event);
        },
        now: () => t,
        sleep: async () => {},
        scheduleUnlocks: false,
        ...overrides,
      });
      open.push({ store: shared ? null : store, otp });
      return {
        otp,
        store,
        events,
        email,
        phone,
        advance: (ms) => {
          t += ms;
        },
        now: () => t,
        of: (type) => events.filter((e) => e.type === type),
      };
    },
    subject: () => `user-${crypto.randomUUID()}@example.test`,
    async issueCode(h, who, purpose = "login") {
      const result = await h.otp.issue({ subject: who, purpose, deliver: false });
      if (result.status !== "issued" || result.code === undefined)
        throw new Error(`not issued: ${result.status}`);
      return result.code;
    },
    wrong(code, ...avoid) {
      const guesses = ["2", "3", "4"].map((last) => code.slice(0, -1) + last);
      return guesses.find((g) => g !== code && !avoid.includes(g))!;
    },
  };
}
