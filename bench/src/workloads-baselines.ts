import { createCodePool } from "./code-pool.js";
import type { ScenarioId } from "./configuration-ids.js";
import type { Target } from "./configurations.js";
import { TEST_CODE } from "./configurations.js";
import type { Workload } from "./load.js";
import type { Names } from "./requests.js";
import { is2xx, jsonPost } from "./requests.js";
import type { ConfigurationWorkloads } from "./workloads.js";

/** better-auth's emailOTP codes live 300 s (its `expiresIn` default); used within 240 s. */
const BETTER_AUTH_POOL_MAX_AGE_MS = 240_000;
/** Users and codes better-auth creates per set-up call. */
const BETTER_AUTH_BATCH = 500;

/**
 * The bare Hono baseline: the same request shapes as otpkit's check and issue (a distinct body
 * each time), parsed and answered as JSON, with nothing behind them.
 *
 * @example
 * const w = bareHonoWorkloads(createNames());
 */
export function bareHonoWorkloads(names: Names): ConfigurationWorkloads {
  const issue: Workload = (tally) => [
    jsonPost({
      path: "/issue",
      body() {
        const n = names.next();
        return { subject: names.subject(n), recipient: { email: names.email(n) } };
      },
      onResponse(status, text) {
        if (is2xx(status) && (status !== 201 || !text.includes('"id"'))) tally.wrong++;
      },
    }),
  ];
  const check: Workload = (tally) => [
    jsonPost({
      path: "/check",
      body: () => ({ code: TEST_CODE, id: names.next() }),
      onResponse(status, text) {
        if (is2xx(status) && !text.includes('"status":"verified"')) tally.wrong++;
      },
    }),
  ];
  return {
    workload: (scenario: ScenarioId) => (scenario === "issue" ? issue : check),
    ready: () => Number.POSITIVE_INFINITY,
    prepare: async () => undefined,
  };
}

/**
 * better-auth 1.7's emailOTP: each check is `POST /api/auth/email-otp/verify-email` with the
 * address and the code better-auth sent to it, for a user no other request touched. The codes are
 * made before the timed runs through the plugin's own send endpoint (servers/better-auth.ts).
 *
 * @example
 * const w = betterAuthWorkloads(target, createNames());
 */
export function betterAuthWorkloads(target: Target, names: Names): ConfigurationWorkloads {
  const pool = createCodePool<{ email: string; otp: string }>(BETTER_AUTH_POOL_MAX_AGE_MS);
  const check: Workload = (tally, control) => [
    jsonPost({
      path: "/api/auth/email-otp/verify-email",
      body() {
        const next = pool.take();
        if (next) return next;
        // Out of prepared codes: end the run; what is still sent is refused (counted apart).
        tally.outOfCodes++;
        control.stop();
        return { email: "none-left@example.test", otp: "000000" };
      },
      onResponse(status, text) {
        if (is2xx(status) && !text.includes('"status":true')) tally.wrong++;
      },
    }),
  ];
  return {
    workload(scenario: ScenarioId) {
      if (scenario === "issue") throw new Error("better-auth is measured on checks only");
      return check;
    },
    ready: () => pool.size(),
    async prepare(count) {
      while (pool.size() < count) {
        const size = Math.min(BETTER_AUTH_BATCH, count - pool.size());
        const emails = Array.from({ length: size }, () => names.email(names.next()));
        const response = await fetch(`${target.server.url}/bench/codes`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ emails }),
        });
        if (response.status !== 200) {
          throw new Error(
            `better-auth: preparing codes answered ${response.status}: ${await response.text()}; see ${target.server.logFile}`,
          );
        }
        const { codes } = (await response.json()) as {
          codes: Array<{ email: string; otp: string }>;
        };
        for (const code of codes) pool.push(code);
      }
    },
  };
}
