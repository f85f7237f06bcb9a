import type { OtpEvent, OtpOptions, OtpStore, RandomSource } from "@otpkit/otp-core";
import { createOtp, isOtpError } from "@otpkit/otp-core";
import { afterEach, describe, expect, it } from "vitest";
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

const SECRET_A = { id: "a", key: "engine-suite-secret-a-0123456789abcdef" };
const SECRET_B = { id: "b", key: "engine-suite-secret-b-0123456789abcdef" };
const NAMING_KEY = "engine-suite-naming-key-0123456789abcdef";
const MINUTE = 60_000;

interface Harness {
  otp: ReturnType<typeof createOtp>;
  store: OtpStore;
  events: OtpEvent[];
  email: FakeChannel;
  phone: FakeChannel;
  advance(ms: number): void;
  now(): number;
  of(type: OtpEvent["type"]): OtpEvent[];
}

/**
 * The engine's behaviour, end to end through the public API, against any store: expiry,
 * attempts, the budget that survives resends, lockout and unlock, throttling, single use under
 * concurrency, idempotency, rotation, delivery fallback. Store authors run it next to
 * `describeOtpStore` to show the whole engine works on their backend, not only the primitives.
 *
 * The engine's clock is simulated (expiry, locks and cooldowns are decided by the engine's
 * clock, not by store TTLs), so the suite runs in a few seconds on any backend.
 *
 * @example
 * ```ts
 * describeOtpEngine({ name: "redis", createStore: () => createRedisStore({ client, keyPrefix: uniquePrefix() }) });
 * ```
 */
export function describeOtpEngine(options: DescribeOtpEngineOptions): void {
  describe(`otp-core engine behaviour on store: ${options.name}`, () => {
    const open: Array<{ store: OtpStore | null; otp: { close(): Promise<void> } }> = [];

    afterEach(async () => {
      for (const { store, otp } of open.splice(0)) {
        await otp.close();
        if (store) await options.cleanup?.(store);
      }
    });

    async function setup(overrides: Partial<OtpOptions> = {}, shared?: OtpStore): Promise<Harness> {
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
    }

    /** A subject unique to one test, so tests sharing a backend never meet. */
    function subject(): string {
      return `user-${crypto.randomUUID()}@example.test`;
    }

    async function issueCode(h: Harness, who: string, purpose = "login"): Promise<string> {
      const result = await h.otp.issue({ subject: who, purpose, deliver: false });
      if (result.status !== "issued" || result.code === undefined)
        throw new Error(`not issued: ${result.status}`);
      return result.code;
    }

    function wrong(code: string): string {
      // Same length and alphabet, one symbol changed: a realistic wrong guess.
      const last = code.at(-1)!;
      return code.slice(0, -1) + (last === "2" ? "3" : "2");
    }

    it("issues a code of the policy's shape and verifies it exactly once", async () => {
      const h = await setup();
      const who = subject();
      const code = await issueCode(h, who);
      expect(code).toMatch(/^[0-9]{6}$/);
      expect(await h.otp.verify({ subject: who, code })).toMatchObject({ status: "verified" });
      expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "not_found" });
      expect(h.of("verified")).toHaveLength(1);
    });

    it("accepts pasted input with spaces, dashes and lower case for letter codes", async () => {
      const h = await setup({ code: { alphabet: "alphanumeric", length: 8 } });
      const who = subject();
      const code = await issueCode(h, who);
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      const typed = ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `;
      expect(await h.otp.verify({ subject: who, code: typed })).toMatchObject({
        status: "verified",
      });
    });

    it("keeps purposes apart: a login code does not verify a phone change", async () => {
      const h = await setup();
      const who = subject();
      const code = await issueCode(h, who, "login");
      expect(await h.otp.verify({ subject: who, purpose: "change-phone", code })).toEqual({
        status: "not_found",
      });
      expect(await h.otp.verify({ subject: who, purpose: "login", code })).toMatchObject({
        status: "verified",
      });
    });

    it("counts down attempts; the third wrong guess ends the code", async () => {
      const h = await setup();
      const who = subject();
      const code = await issueCode(h, who);
      expect(await h.otp.verify({ subject: who, code: wrong(code) })).toEqual({
        status: "invalid",
        attemptsRemaining: 2,
      });
      expect(await h.otp.verify({ subject: who, code: wrong(code) })).toEqual({
        status: "invalid",
        attemptsRemaining: 1,
      });
      expect(await h.otp.verify({ subject: who, code: wrong(code) })).toEqual({
        status: "exhausted",
      });
      // Ended means ended: even the right code no longer works, and the answer says why.
      expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "exhausted" });
      expect(h.of("failed").map((e) => e.attemptsRemaining)).toEqual([2, 1, 0]);
      expect(h.of("exhausted")).toHaveLength(1);
      // A new code starts over (the budget does not: 3 of 5 failures are spent).
      h.advance(MINUTE);
      const next = await issueCode(h, who);
      expect(await h.otp.verify({ subject: who, code: wrong(next) })).toEqual({
        status: "invalid",
        attemptsRemaining: 1,
      });
    });

    it("expires codes at their expiry by the engine's clock (default 10 minutes)", async () => {
      const h = await setup();
      const who = subject();
      const code = await issueCode(h, who);
      h.advance(10 * MINUTE - 1);
      expect((await h.otp.lookup({ subject: who })).active).not.toBeNull();
      h.advance(1);
      // The record outlives the code: the right code after expiry is answered `expired` and the
      // event recorded, on every store, however soon the store would have dropped a code key.
      expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "expired" });
      expect(h.of("expired")).toHaveLength(1);
      h.advance(5 * MINUTE);
      expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "expired" });
      expect(h.of("expired")).toHaveLength(1);
      expect(h.of("failed")).toHaveLength(0);
    });

    it("records an expired code as expired when a new one replaces it", async () => {
      const h = await setup();
      const who = subject();
      await issueCode(h, who);
      h.advance(11 * MINUTE);
      await issueCode(h, who);
      expect(h.of("expired")).toHaveLength(1);
      expect(h.of("revoked")).toHaveLength(0);
    });

    it("honours a configured expiry (5 minutes)", async () => {
      const h = await setup({ ttlMs: 5 * MINUTE });
      const who = subject();
      const issued = await h.otp.issue({ subject: who, deliver: false });
      expect(issued).toMatchObject({ status: "issued", expiresAt: h.now() + 5 * MINUTE });
      h.advance(5 * MINUTE);
      expect(await h.otp.verify({ subject: who, code: (issued as { code: string }).code })).toEqual(
        { status: "expired" },
      );
    });

    it("a resend invalidates the old code but does not reset the failure budget", async () => {
      const h = await setup();
      const who = subject();
      const first = await issueCode(h, who);
      for (let i = 0; i < 2; i++) await h.otp.verify({ subject: who, code: wrong(first) });
      h.advance(31_000);
      const second = await issueCode(h, who);
      expect(h.of("revoked").map((e) => e.reason)).toEqual(["replaced"]);
      // The old code is dead: trying it is just another wrong guess against the new one.
      expect(await h.otp.verify({ subject: who, code: first })).toEqual({
        status: "invalid",
        attemptsRemaining: 2,
      });
      expect(await h.otp.verify({ subject: who, code: wrong(second) })).toEqual({
        status: "invalid",
        attemptsRemaining: 1,
      });
      expect((await h.otp.lookup({ subject: who })).failures).toBe(4);
      // 5th failure of the budget: locked, although the new code had an attempt left.
      const locked = await h.otp.verify({ subject: who, code: wrong(second) });
      expect(locked).toEqual({
        status: "locked",
        lockedUntil: h.now() + 15 * MINUTE,
        retryAfterMs: 15 * MINUTE,
      });
      expect(h.of("locked")).toHaveLength(1);
    });

    it("while locked, nothing is issued and even the right code is refused; then it unlocks once", async () => {
      const h = await setup({ lockout: { maxFailures: 2, durationMs: 15 * MINUTE } });
      const who = subject();
      const code = await issueCode(h, who);
      await h.otp.verify({ subject: who, code: wrong(code) });
      const locked = await h.otp.verify({ subject: who, code: wrong(code) });
      expect(locked.status).toBe("locked");
      h.advance(60_000);
      expect(await h.otp.verify({ subject: who, code })).toMatchObject({
        status: "locked",
        retryAfterMs: 14 * MINUTE,
      });
      expect(await h.otp.issue({ subject: who, deliver: false })).toMatchObject({
        status: "locked",
      });
      expect((await h.otp.lookup({ subject: who })).lockedUntil).toBe(h.now() + 14 * MINUTE);

      h.advance(14 * MINUTE);
      // The lock ended the code that was active when it started.
      expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "not_found" });
      expect(h.of("unlocked")).toHaveLength(1);
      const after = await h.otp.lookup({ subject: who });
      expect(after).toMatchObject({ lockedUntil: null, failures: 0 });
      const fresh = await issueCode(h, who);
      expect(await h.otp.verify({ subject: who, code: fresh })).toMatchObject({
        status: "verified",
      });
      expect(h.of("unlocked")).toHaveLength(1);
    });

    it("a success clears the failure count", async () => {
      const h = await setup();
      const who = subject();
      const code = await issueCode(h, who);
      await h.otp.verify({ subject: who, code: wrong(code) });
      await h.otp.verify({ subject: who, code });
      expect((await h.otp.lookup({ subject: who })).failures).toBe(0);
    });

    it("malformed input spends nothing: wrong length, foreign symbols, empty", async () => {
      const h = await setup();
      const who = subject();
      const code = await issueCode(h, who);
      const malformed = { status: "malformed", expected: { length: 6, alphabet: "numeric" } };
      for (const input of ["", "   ", code.slice(0, 5), `${code}1`, "12a456", "١٢٣٤٥٦"]) {
        expect(await h.otp.verify({ subject: who, code: input }), input).toEqual(malformed);
      }
      expect(h.of("failed")).toHaveLength(0);
      const status = await h.otp.lookup({ subject: who });
      expect(status.active?.attemptsUsed).toBe(0);
      expect(status.failures).toBe(0);
      expect(await h.otp.verify({ subject: who, code })).toMatchObject({ status: "verified" });
    });

    it("lookup is read-only and reports attempts left within the budget", async () => {
      const h = await setup({ lockout: { maxFailures: 4 } });
      const who = subject();
      const first = await issueCode(h, who);
      await h.otp.verify({ subject: who, code: wrong(first) });
      await h.otp.verify({ subject: who, code: wrong(first) });
      h.advance(MINUTE);
      const second = await issueCode(h, who);
      // The code has 3 attempts, the budget only 2 more failures: the lower one is what is left.
      expect((await h.otp.lookup({ subject: who })).active).toMatchObject({
        attemptsUsed: 0,
        attemptsRemaining: 2,
      });
      await h.otp.verify({ subject: who, code: wrong(second) });
      expect(await h.otp.verify({ subject: who, code: wrong(second) })).toMatchObject({
        status: "locked",
      });
      const before = h.events.length;
      h.advance(15 * MINUTE);
      // The lock is over, but looking at it changes nothing: no event, no notice, no write.
      const status = await h.otp.lookup({ subject: who });
      expect(status).toMatchObject({ locked: false, lockedUntil: null, failures: 0 });
      expect(h.events.length).toBe(before);
      expect(await h.otp.lookup({ subject: who })).toEqual(status);
      // The next write notices the unlock, once.
      await issueCode(h, who);
      expect(h.of("unlocked")).toHaveLength(1);
    });

    it("locks grow with repeated lockouts; at the consecutive cap only an operator unlocks", async () => {
      const h = await setup({
        lockout: { maxFailures: 2, durationMs: 10 * MINUTE, maxConsecutiveFailures: 6 },
        resend: { cooldownMs: 0 },
      });
      const who = subject();
      const durations: Array<number | null> = [];
      for (let lock = 0; lock < 3; lock++) {
        const code = await issueCode(h, who);
        await h.otp.verify({ subject: who, code: wrong(code) });
        const locked = await h.otp.verify({ subject: who, code: wrong(code) });
        if (locked.status !== "locked") throw new Error(`expected locked, got ${locked.status}`);
        durations.push(locked.retryAfterMs);
        if (locked.lockedUntil !== null) h.advance(locked.lockedUntil - h.now());
      }
      // 10 min, then doubled; the 6th consecutive failure is the cap: no end at all.
      expect(durations).toEqual([10 * MINUTE, 20 * MINUTE, null]);
      expect(h.of("locked").map((e) => e.reason)).toEqual(["budget", "budget", "consecutive"]);
      h.advance(30 * 24 * 60 * MINUTE);
      expect(await h.otp.issue({ subject: who, deliver: false })).toEqual({
        status: "locked",
        lockedUntil: null,
        retryAfterMs: null,
      });
      expect(await h.otp.lookup({ subject: who })).toMatchObject({
        locked: true,
        lockedUntil: null,
        consecutiveFailures: 6,
      });
      expect(await h.otp.unlock({ subject: who })).toBe(true);
      expect(h.of("unlocked").at(-1)).toMatchObject({ reason: "operator" });
      expect(await h.otp.lookup({ subject: who })).toMatchObject({
        locked: false,
        failures: 0,
        consecutiveFailures: 0,
      });
      const code = await issueCode(h, who);
      expect(await h.otp.verify({ subject: who, code })).toMatchObject({ status: "verified" });
      expect(await h.otp.unlock({ subject: who })).toBe(false);
    });

    it("attempts left never promise more than the consecutive-failure cap allows", async () => {
      const h = await setup({ lockout: { maxFailures: 5, maxConsecutiveFailures: 2 } });
      const who = subject();
      const code = await issueCode(h, who);
      expect((await h.otp.lookup({ subject: who })).active?.attemptsRemaining).toBe(2);
      // The code has 2 attempts left and the budget 4, but the cap only 1: say 1.
      expect(await h.otp.verify({ subject: who, code: wrong(code) })).toEqual({
        status: "invalid",
        attemptsRemaining: 1,
      });
      expect((await h.otp.lookup({ subject: who })).active?.attemptsRemaining).toBe(1);
      expect(await h.otp.verify({ subject: who, code: wrong(code) })).toEqual({
        status: "locked",
        lockedUntil: null,
        retryAfterMs: null,
      });
    });

    it("only a success clears consecutive failures: a slow, steady guesser is still capped", async () => {
      const h = await setup({
        lockout: { maxFailures: 5, windowMs: 60 * MINUTE, maxConsecutiveFailures: 20 },
        resend: { cooldownMs: 0, maxSends: 1000 },
      });
      const who = subject();
      // 4 guesses an hour never fill a 5-per-hour budget; a week of it is 672 guesses.
      for (let hour = 0; hour < 7 * 24; hour++) {
        const code = await issueCode(h, who).catch(() => null);
        for (let i = 0; i < 4; i++) {
          await h.otp.verify({ subject: who, code: wrong(code ?? "000000") });
        }
        h.advance(60 * MINUTE);
      }
      // Every evaluated wrong guess is a `failed` event: the cap stopped them at 20.
      expect(h.of("failed")).toHaveLength(20);
      expect(h.of("locked")).toHaveLength(1);
      expect(h.of("locked")[0]).toMatchObject({ reason: "consecutive" });
    });

    it("an idempotency key reused for another request is a conflict, never the stored answer", async () => {
      const h = await setup({ resend: { cooldownMs: 0 } });
      const who = subject();
      const first = await h.otp.issue({ subject: who, deliver: false });
      if (first.status !== "issued") throw new Error(first.status);
      expect(
        await h.otp.verify({
          subject: who,
          code: first.code!,
          codeId: first.codeId,
          idempotencyKey: "k",
        }),
      ).toMatchObject({ status: "verified" });
      const second = await h.otp.issue({ subject: who, deliver: false });
      if (second.status !== "issued") throw new Error(second.status);
      const conflict = await h.otp
        .verify({
          subject: who,
          code: wrong(second.code!),
          codeId: second.codeId,
          idempotencyKey: "k",
        })
        .catch((e: unknown) => e);
      expect(isOtpError(conflict) && [conflict.code, conflict.retryable]).toEqual([
        "IDEMPOTENCY_CONFLICT",
        false,
      ]);
      // Nothing was evaluated for the conflicting request: the second code is untouched.
      expect((await h.otp.lookup({ subject: who })).active).toMatchObject({
        codeId: second.codeId,
        attemptsUsed: 0,
      });
      // The same request again is replayed.
      expect(
        await h.otp.verify({
          subject: who,
          code: first.code!,
          codeId: first.codeId,
          idempotencyKey: "k",
        }),
      ).toEqual({ status: "verified", codeId: first.codeId, replayed: true });
      // issue: a different recipient under a used key is a conflict too.
      await h.otp.issue({
        subject: who,
        recipient: { email: "a@example.test" },
        idempotencyKey: "i",
      });
      const other = await h.otp
        .issue({ subject: who, recipient: { email: "b@example.test" }, idempotencyKey: "i" })
        .catch((e: unknown) => e);
      expect(isOtpError(other) && other.code).toBe("IDEMPOTENCY_CONFLICT");
      expect(h.email.sent).toHaveLength(1);
    });

    it("throttles resends: a cooldown between codes and a cap per window", async () => {
      const h = await setup({ resend: { cooldownMs: 30_000, maxSends: 3, windowMs: 60 * MINUTE } });
      const who = subject();
      await issueCode(h, who);
      expect(await h.otp.issue({ subject: who, deliver: false })).toEqual({
        status: "throttled",
        reason: "cooldown",
        retryAfterMs: 30_000,
      });
      h.advance(30_000);
      await issueCode(h, who);
      h.advance(30_000);
      await issueCode(h, who);
      h.advance(30_000);
      const capped = await h.otp.issue({ subject: who, deliver: false });
      expect(capped).toMatchObject({ status: "throttled", reason: "max_sends" });
      expect((capped as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
      h.advance((capped as { retryAfterMs: number }).retryAfterMs);
      expect(await h.otp.issue({ subject: who, deliver: false })).toMatchObject({
        status: "issued",
      });
    });

    it("an idempotency key on issue returns the same outcome, not a second code", async () => {
      const h = await setup();
      const who = subject();
      const recipient = { email: "ana@example.test" };
      const first = await h.otp.issue({ subject: who, recipient, idempotencyKey: "exec-1" });
      const again = await h.otp.issue({ subject: who, recipient, idempotencyKey: "exec-1" });
      expect(first.status).toBe("issued");
      expect(again).toEqual({ ...first, replayed: true });
      expect(h.email.sent).toHaveLength(1);
      expect(h.of("issued")).toHaveLength(1);
    });

    it("an idempotency key on verify makes a retried wrong guess count once", async () => {
      const h = await setup();
      const who = subject();
      const code = await issueCode(h, who);
      const first = await h.otp.verify({
        subject: who,
        code: wrong(code),
        idempotencyKey: "req-9",
      });
      const again = await h.otp.verify({
        subject: who,
        code: wrong(code),
        idempotencyKey: "req-9",
      });
      expect(first).toEqual({ status: "invalid", attemptsRemaining: 2 });
      expect(again).toEqual({ ...first, replayed: true });
      expect((await h.otp.lookup({ subject: who })).active?.attemptsUsed).toBe(1);
    });

    it("many parallel correct submissions give exactly one verified", async () => {
      const h = await setup({ maxAttempts: 20 });
      const who = subject();
      const code = await issueCode(h, who);
      const results = await Promise.all(
        Array.from({ length: 50 }, () => h.otp.verify({ subject: who, code })),
      );
      expect(results.filter((r) => r.status === "verified")).toHaveLength(1);
      expect(h.of("verified")).toHaveLength(1);
      // The others were turned away without a second success. (More submissions in flight than
      // the failure budget count as an attack: some of them may answer "locked".)
      for (const r of results.filter((x) => x.status !== "verified")) {
        expect(["not_found", "exhausted", "locked"]).toContain(r.status);
      }
    });

    it("many parallel wrong guesses are never evaluated more often than the budget, and end locked", async () => {
      const h = await setup({ maxAttempts: 10, lockout: { maxFailures: 5 } });
      const who = subject();
      const code = await issueCode(h, who);
      const results = await Promise.all(
        Array.from({ length: 200 }, () => h.otp.verify({ subject: who, code: wrong(code) })),
      );
      // Each evaluated wrong guess emits exactly one `failed` event.
      expect(h.of("failed").length).toBeLessThanOrEqual(5);
      expect(h.of("failed").length).toBeGreaterThan(0);
      expect(results.some((r) => r.status === "verified")).toBe(false);
      expect(results.filter((r) => r.status === "locked").length).toBeGreaterThan(0);
      expect((await h.otp.lookup({ subject: who })).lockedUntil).not.toBeNull();
      expect(await h.otp.verify({ subject: who, code })).toMatchObject({ status: "locked" });
    });

    it("many parallel wrong guesses are never evaluated more often than the code's attempts", async () => {
      const h = await setup({ maxAttempts: 3, lockout: { maxFailures: 100 } });
      const who = subject();
      const code = await issueCode(h, who);
      const results = await Promise.all(
        Array.from({ length: 100 }, () => h.otp.verify({ subject: who, code: wrong(code) })),
      );
      expect(h.of("failed")).toHaveLength(3);
      expect(results.filter((r) => r.status === "invalid")).toHaveLength(2);
      expect(results.filter((r) => r.status === "exhausted")).toHaveLength(98);
      expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "exhausted" });
    });

    it("reports the active code: expiry, attempts, channel, masked destination", async () => {
      const h = await setup();
      const who = subject();
      const issued = await h.otp.issue({
        subject: who,
        recipient: { email: "jane.doe@example.com" },
      });
      expect(issued).toMatchObject({
        status: "issued",
        channel: "email",
        destination: "j***@example.com",
      });
      const code = h.email.lastCode()!;
      await h.otp.verify({ subject: who, code: wrong(code) });
      const status = await h.otp.lookup({ subject: who, reveal: true });
      expect(status.active).toMatchObject({
        expiresAt: h.now() + 10 * MINUTE,
        attemptsUsed: 1,
        attemptsRemaining: 2,
        maxAttempts: 3,
        channel: "email",
        destination: "j***@example.com",
      });
      // Hash storage cannot give the code back, even when asked.
      expect(status.active?.code).toBeUndefined();
    });

    it("in encrypted storage, reveals the active code to an authorised caller only when asked", async () => {
      const h = await setup({ storage: "encrypted" });
      const who = subject();
      const code = await issueCode(h, who);
      expect((await h.otp.lookup({ subject: who })).active?.code).toBeUndefined();
      expect((await h.otp.lookup({ subject: who, reveal: true })).active?.code).toBe(code);
      // A replayed `deliver: false` issue gets its code back from the sealed copy.
      h.advance(31_000);
      const again = await h.otp.issue({ subject: who, deliver: false, idempotencyKey: "x" });
      h.advance(31_000);
      const replay = await h.otp.issue({ subject: who, deliver: false, idempotencyKey: "x" });
      expect(replay).toMatchObject({ replayed: true, code: (again as { code: string }).code });
    });

    it("a check or revoke meant for a replaced code touches nothing", async () => {
      const h = await setup();
      const who = subject();
      const first = await h.otp.issue({ subject: who, deliver: false });
      h.advance(31_000);
      const second = await h.otp.issue({ subject: who, deliver: false });
      type Issued = { codeId: string; code: string };
      const [a, b] = [first, second] as [Issued, Issued];
      // The old form submits the NEW code: still refused, and no attempt is counted.
      expect(await h.otp.verify({ subject: who, code: b.code, codeId: a.codeId })).toEqual({
        status: "not_found",
      });
      expect(await h.otp.revoke({ subject: who, codeId: a.codeId })).toBe(false);
      const status = await h.otp.lookup({ subject: who });
      expect(status).toMatchObject({ failures: 0, active: { codeId: b.codeId, attemptsUsed: 0 } });
      expect(await h.otp.verify({ subject: who, code: b.code, codeId: b.codeId })).toMatchObject({
        status: "verified",
      });
    });

    it("revokes the active code", async () => {
      const h = await setup();
      const who = subject();
      const code = await issueCode(h, who);
      expect(await h.otp.revoke({ subject: who })).toBe(true);
      expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "not_found" });
      expect(await h.otp.revoke({ subject: who })).toBe(false);
      expect(h.of("revoked")).toHaveLength(1);
    });

    it("a code issued under an old secret still verifies after rotation", async () => {
      const h = await setup({ secrets: [SECRET_A] });
      const who = subject();
      const code = await issueCode(h, who);
      const rotated = await setup({ secrets: [SECRET_B, SECRET_A], now: h.now }, h.store);
      expect(await rotated.otp.verify({ subject: who, code })).toMatchObject({
        status: "verified",
      });
      // Remove the old secret too early and its codes can no longer be checked: a clear error.
      const newCode = await issueCode(h, `${who}-2`);
      const dropped = await setup({ secrets: [SECRET_B], now: h.now }, h.store);
      await expect(
        dropped.otp.verify({ subject: `${who}-2`, code: newCode }),
      ).rejects.toMatchObject({
        code: "SECRET_UNKNOWN",
      });
    });

    it("delivers by the recipient's data: phone first, e-mail otherwise, or the caller's order", async () => {
      const h = await setup({ resend: { cooldownMs: 0 } });
      const who = subject();
      const both = { email: "ana@example.test", phone: "+34600123478" };
      expect(await h.otp.issue({ subject: who, recipient: both })).toMatchObject({
        channel: "whatsapp",
        destination: "***78",
      });
      expect(await h.otp.issue({ subject: who, recipient: { email: both.email } })).toMatchObject({
        channel: "email",
      });
      expect(
        await h.otp.issue({ subject: who, recipient: both, channels: ["email"] }),
      ).toMatchObject({ channel: "email" });
      expect(h.phone.sent).toHaveLength(1);
      expect(h.email.sent).toHaveLength(2);
      await expect(
        h.otp.issue({ subject: who, recipient: { name: "No Address" } }),
      ).rejects.toMatchObject({
        code: "NO_CHANNEL",
      });
    });

    it("falls back on a permanent failure and retries a retryable one", async () => {
      const h = await setup({ resend: { cooldownMs: 0 } });
      const who = subject();
      const both = { email: "ana@example.test", phone: "+34600123478" };
      h.phone.failNext("permanent");
      expect(await h.otp.issue({ subject: who, recipient: both })).toMatchObject({
        channel: "email",
      });
      h.phone.failNext("retryable");
      expect(await h.otp.issue({ subject: who, recipient: both })).toMatchObject({
        channel: "whatsapp",
      });
      const failures = h.of("delivery_failed");
      expect(failures.map((e) => [e.channel, e.retryable])).toEqual([
        ["whatsapp", false],
        ["whatsapp", true],
      ]);
      expect(h.of("delivered")).toHaveLength(2);
      // The code that arrived is the one that verifies.
      expect(await h.otp.verify({ subject: who, code: h.phone.lastCode()! })).toMatchObject({
        status: "verified",
      });
    });

    it("a failed delivery leaves no unusable code and no cooldown behind", async () => {
      const h = await setup();
      const who = subject();
      h.email.failAlways("permanent");
      const error = await h.otp
        .issue({ subject: who, recipient: { email: "ana@example.test" } })
        .catch((e: unknown) => e);
      expect(isOtpError(error) && error.code).toBe("DELIVERY_FAILED");
      expect((await h.otp.lookup({ subject: who })).active).toBeNull();
      // The withdrawn code's trail ends: issued, delivery_failed, revoked (undelivered).
      expect(h.events.map((e) => e.type)).toEqual(["issued", "delivery_failed", "revoked"]);
      expect(h.of("revoked")[0]).toMatchObject({ reason: "undelivered" });
      h.email.failAlways(null);
      // No cooldown was left running by the failed attempt.
      expect(
        await h.otp.issue({ subject: who, recipient: { email: "ana@example.test" } }),
      ).toMatchObject({
        status: "issued",
      });
    });

    it("a resend whose delivery fails gives the previous code back", async () => {
      const h = await setup();
      const who = subject();
      await h.otp.issue({ subject: who, recipient: { email: "ana@example.test" } });
      const first = h.email.lastCode()!;
      h.advance(31_000);
      h.email.failAlways("permanent");
      await expect(
        h.otp.issue({ subject: who, recipient: { email: "ana@example.test" } }),
      ).rejects.toMatchObject({
        code: "DELIVERY_FAILED",
      });
      h.email.failAlways(null);
      expect(await h.otp.verify({ subject: who, code: first })).toMatchObject({
        status: "verified",
      });
      expect(h.of("delivery_failed").every((e) => typeof e.deliveryId === "string")).toBe(true);
    });

    it("waits for a short retry hint from a channel and falls back past a long one", async () => {
      const h = await setup({ resend: { cooldownMs: 0 }, delivery: { maxBackoffMs: 2_000 } });
      const who = subject();
      const both = { email: "ana@example.test", phone: "+34600123478" };
      h.phone.failNext("retryable", { retryAfterMs: 60_000 });
      expect(await h.otp.issue({ subject: who, recipient: both })).toMatchObject({
        channel: "email",
      });
      expect(h.of("delivery_failed")).toHaveLength(1);
    });

    it("with retryOnFailure, a wrong guess sends a fresh code, the lockout and the unlock notice", async () => {
      const h = await setup({
        retryOnFailure: true,
        resend: { cooldownMs: 0 },
        lockout: { maxFailures: 3 },
      });
      const who = subject();
      const to = { phone: "+34600123478", locale: "es" };
      await h.otp.issue({ subject: who, recipient: to });
      const first = h.phone.lastCode()!;
      expect(await h.otp.verify({ subject: who, code: wrong(first) })).toEqual({
        status: "invalid",
        attemptsRemaining: 2,
        resent: true,
        codeId: expect.any(String),
      });
      expect(h.phone.last()?.kind).toBe("retry");
      const second = h.phone.lastCode()!;
      expect(await h.otp.verify({ subject: who, code: first })).toMatchObject({
        status: "invalid",
      });
      expect(await h.otp.verify({ subject: who, code: wrong(h.phone.lastCode()!) })).toMatchObject({
        status: "locked",
      });
      expect(h.phone.last()).toMatchObject({ kind: "lockout", code: undefined, locale: "es" });
      expect(second).not.toBe(first);
      h.advance(15 * MINUTE);
      // lookup is read-only: it reports the lock over but sends nothing; the next write notices.
      expect((await h.otp.lookup({ subject: who })).lockedUntil).toBeNull();
      expect(h.phone.last()?.kind).toBe("lockout");
      expect(await h.otp.verify({ subject: who, code: first })).toEqual({ status: "not_found" });
      expect(h.phone.last()).toMatchObject({ kind: "unlock", code: undefined });
      expect(await h.otp.issue({ subject: who, recipient: to })).toMatchObject({
        status: "issued",
      });
      expect(h.phone.sent.map((m) => m.kind)).toEqual([
        "code",
        "retry",
        "retry",
        "lockout",
        "unlock",
        "code",
      ]);
      expect(h.of("unlocked")).toHaveLength(1);
    });

    it("a request for a new code that notices the unlock itself sends the code, not a notice first", async () => {
      const h = await setup({ lockout: { maxFailures: 1 } });
      const who = subject();
      const to = { phone: "+34600123478" };
      await h.otp.issue({ subject: who, recipient: to });
      await h.otp.verify({ subject: who, code: wrong(h.phone.lastCode()!) });
      h.advance(15 * MINUTE);
      expect(await h.otp.issue({ subject: who, recipient: to })).toMatchObject({
        status: "issued",
      });
      // Two messages back to back would also trip WhatsApp's per-recipient pacing.
      expect(h.phone.sent.map((m) => m.kind)).toEqual(["code", "lockout", "code"]);
      expect(h.of("unlocked")).toHaveLength(1);
    });

    it("returnCode gives the caller the delivered code only when asked, and never on a replay", async () => {
      const h = await setup();
      const who = subject();
      const to = { email: "ana@example.test" };
      const plain = await h.otp.issue({ subject: who, recipient: to });
      expect(plain).not.toHaveProperty("code");
      h.advance(MINUTE);
      const asked = await h.otp.issue({
        subject: who,
        recipient: to,
        returnCode: true,
        idempotencyKey: "r",
      });
      expect(asked).toMatchObject({ status: "issued", channel: "email", code: h.email.lastCode() });
      const replay = await h.otp.issue({
        subject: who,
        recipient: to,
        returnCode: true,
        idempotencyKey: "r",
      });
      expect(replay).toMatchObject({ status: "issued", replayed: true });
      expect(replay).not.toHaveProperty("code");
      expect(JSON.stringify(h.events)).not.toContain(h.email.lastCode()!);
    });

    it("test recipients get the fixed code, no delivery, and events marked test", async () => {
      const h = await setup({
        testRecipients: {
          code: "246810",
          matches: (r) => r.email?.endsWith("@example.test") === true,
        },
        lockout: { maxFailures: 2 },
      });
      const tester = subject();
      const issued = await h.otp.issue({
        subject: tester,
        recipient: { email: "qa@example.test" },
      });
      expect(issued).toMatchObject({
        status: "issued",
        channel: "test",
        destination: "q***@example.test",
      });
      expect(issued).not.toHaveProperty("code");
      expect(h.email.sent).toHaveLength(0);
      expect(await h.otp.verify({ subject: tester, code: "246810" })).toMatchObject({
        status: "verified",
      });
      // Locks of test recipients send no notices either.
      h.advance(31_000);
      await h.otp.issue({ subject: tester, recipient: { email: "qa@example.test" } });
      await h.otp.verify({ subject: tester, code: "000000" });
      expect(await h.otp.verify({ subject: tester, code: "000000" })).toMatchObject({
        status: "locked",
      });
      expect(h.email.sent).toHaveLength(0);
      expect(h.events.length).toBeGreaterThan(4);
      expect(h.events.every((e) => e.test === true)).toBe(true);
      // Everyone else is untouched.
      const real = subject();
      await h.otp.issue({ subject: real, recipient: { email: "ana@example.com" } });
      expect(h.email.sent).toHaveLength(1);
      expect(h.email.lastCode()).not.toBe("246810");
      expect(h.events.at(-1)?.test).toBeUndefined();
    });

    it("never puts the code into an event", async () => {
      const h = await setup({ code: { alphabet: "alpha", length: 8 } });
      const who = subject();
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) {
        await h.otp.issue({ subject: who, recipient: { email: "ana@example.test" } });
        codes.push(h.email.lastCode()!);
        await h.otp.verify({ subject: who, code: wrong(codes.at(-1)!) });
        h.advance(31_000);
      }
      await h.otp.verify({ subject: who, code: codes.at(-1)! });
      const trail = JSON.stringify(h.events);
      expect(h.events.length).toBeGreaterThan(8);
      for (const code of codes) expect(trail).not.toContain(code);
    });

    it("uses the injected randomness, so tests can be deterministic", async () => {
      let counter = 0;
      const random: RandomSource = (bytes) => {
        for (let i = 0; i < bytes.length; i++) bytes[i] = (counter++ * 7) % 250;
        return bytes;
      };
      const a = await setup({ random });
      counter = 0;
      const codeA = await issueCode(a, subject());
      counter = 0;
      const b = await setup({ random });
      const codeB = await issueCode(b, subject());
      expect(codeA).toBe(codeB);
    });
  });
}
