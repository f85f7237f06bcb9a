import type { IssueResult, OtpEvent, OtpOptions, OtpStore } from "@otpkit/otp-core";
import { createOtp } from "@otpkit/otp-core";
import { afterEach, describe, expect, it } from "vitest";
import type { DescribeOtpEngineOptions } from "./engine-suite.js";
import type { FakeChannel } from "./fake-channel.js";
import { createFakeChannel } from "./fake-channel.js";

/** Options for {@link describeOtpQuotas}: the same as {@link describeOtpEngine}'s. */
export type DescribeOtpQuotasOptions = DescribeOtpEngineOptions;

const SECRET = { id: "q", key: "quota-suite-secret-0123456789abcdef" };
const NAMING_KEY = "quota-suite-naming-key-0123456789abcdef";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Harness {
  otp: ReturnType<typeof createOtp>;
  store: OtpStore;
  email: FakeChannel;
  events: OtpEvent[];
  advance(ms: number): void;
}

/**
 * The send quota per destination against a real store: codes to one e-mail address or phone
 * number are counted over every subject and purpose in the destination's own record, committed
 * with the same compare-and-set as a subject's record, so concurrent issues (from one process or
 * two) never send past the quota. Store authors run it next to `describeOtpEngine`.
 *
 * @example
 * ```ts
 * describeOtpQuotas({ name: "redis", createStore: () => createRedisStore({ client, keyPrefix: uniquePrefix() }) });
 * ```
 */
export function describeOtpQuotas(options: DescribeOtpQuotasOptions): void {
  describe(`otp-core send quotas on store: ${options.name}`, () => {
    const open: Array<{ store: OtpStore | null; otp: { close(): Promise<void> } }> = [];

    afterEach(async () => {
      for (const { store, otp } of open.splice(0)) {
        await otp.close();
        if (store) await options.cleanup?.(store);
      }
    });

    /** An engine on a fresh store (or on `shared`, as a second process would be), with its own clock. */
    async function setup(overrides: Partial<OtpOptions> = {}, shared?: OtpStore): Promise<Harness> {
      const store = shared ?? (await options.createStore());
      let t = Date.UTC(2026, 10, 22, 12, 0, 0);
      const events: OtpEvent[] = [];
      const email = createFakeChannel({ name: "email", address: "email" });
      const otp = createOtp({
        store,
        secrets: [SECRET],
        namingKey: NAMING_KEY,
        channels: [email],
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
        email,
        events,
        advance: (ms) => {
          t += ms;
        },
      };
    }

    /** A destination unique to one test, so tests sharing a backend never meet. */
    function inbox(): string {
      return `q-${crypto.randomUUID()}@example.test`;
    }

    const send = (h: Harness, subject: string, email: string, purpose = "login") =>
      h.otp.issue({ subject, purpose, recipient: { email } });

    const statuses = (results: IssueResult[]) =>
      results.map((r) => (r.status === "throttled" ? r.reason : r.status));

    it("counts codes to one destination over every subject and purpose, then refuses", async () => {
      const h = await setup({ destinationQuota: { maxPerHour: 3, maxPerDay: 5 } });
      const to = inbox();
      const results = [
        await send(h, "a", to),
        await send(h, "b", to),
        await send(h, "a", to, "phone-change"),
        await send(h, "c", to),
      ];
      expect(statuses(results)).toEqual(["issued", "issued", "issued", "destination_quota"]);
      expect(results[3]).toMatchObject({ retryAfterMs: HOUR });
      expect(h.email.sent).toHaveLength(3);
      const exceeded = h.events.filter((e) => e.type === "quota_exceeded");
      expect(exceeded).toEqual([
        expect.objectContaining({ subject: "c", reason: "destination_quota" }),
      ]);
      expect(exceeded[0]!.destination).toMatch(/^q\*\*\*@example\.test$/);
      // A new hour window: three more would fit, but the day window holds only two.
      h.advance(HOUR);
      const next = [await send(h, "d", to), await send(h, "e", to), await send(h, "f", to)];
      expect(statuses(next)).toEqual(["issued", "issued", "destination_quota"]);
      expect(next[2]).toMatchObject({ retryAfterMs: DAY - HOUR });
      h.advance(DAY);
      expect((await send(h, "g", to)).status).toBe("issued");
    });

    it("counts spellings of one inbox together", async () => {
      const h = await setup({ destinationQuota: { maxPerHour: 2 } });
      const to = inbox();
      const [local, domain] = to.split("@") as [string, string];
      await send(h, "a", to.toUpperCase());
      await send(h, "b", `${local}+news@${domain}`);
      expect(await send(h, "c", ` ${to} `)).toMatchObject({ reason: "destination_quota" });
    });

    it("never sends past the quota under concurrent issues from two engines on one store", async () => {
      const first = await setup({ destinationQuota: { maxPerHour: 4 } });
      const second = await setup({ destinationQuota: { maxPerHour: 4 } }, first.store);
      const to = inbox();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => send(i % 2 ? first : second, `s${i}`, to)),
      );
      expect(results.filter((r) => r.status === "issued")).toHaveLength(4);
      expect(first.email.sent.length + second.email.sent.length).toBe(4);
      const refused = results.filter((r) => r.status === "throttled");
      expect(refused).toHaveLength(8);
      for (const r of refused) expect(r).toMatchObject({ reason: "destination_quota" });
    });

    it("gives the count back when the subject's own throttle refuses", async () => {
      const h = await setup({ destinationQuota: { maxPerHour: 2 } });
      const to = inbox();
      expect((await send(h, "a", to)).status).toBe("issued");
      expect(await send(h, "a", to)).toMatchObject({ reason: "cooldown" });
      expect((await send(h, "b", to)).status).toBe("issued");
      expect(await send(h, "c", to)).toMatchObject({ reason: "destination_quota" });
    });

    it("does not count test recipients, and counts nothing when turned off", async () => {
      const to = inbox();
      const tests = await setup({
        destinationQuota: { maxPerHour: 1 },
        testRecipients: { code: "246810", matches: (r) => r.email === to },
      });
      for (const subject of ["a", "b", "c"]) {
        expect(await send(tests, subject, to)).toMatchObject({ status: "issued", channel: "test" });
      }
      const off = await setup({ destinationQuota: false });
      const other = inbox();
      for (let i = 0; i < 12; i++) expect((await send(off, `s${i}`, other)).status).toBe("issued");
      expect(off.email.sent).toHaveLength(12);
    });
  });
}
