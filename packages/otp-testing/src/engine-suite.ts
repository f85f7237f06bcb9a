import { describe } from "vitest";
import type { DescribeOtpEngineOptions } from "./engine-harness.js";
import { engineHarness } from "./engine-harness.js";
import { engineCodesTests } from "./engine-suite-codes.js";
import { engineDeliveryTests } from "./engine-suite-delivery.js";
import { engineLimitsTests } from "./engine-suite-limits.js";
import { engineReplacedTests } from "./engine-suite-replaced.js";

export type { DescribeOtpEngineOptions } from "./engine-harness.js";

/**
 * The engine's behaviour, end to end through the public API, against any store: expiry,
 * attempts, the budget that survives resends, lockout and unlock, throttling, single use under
 * concurrency, idempotency, rotation, delivery fallback, the replaced code typed after a resend. Store authors run it next to
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
    const tools = engineHarness(options);
    engineCodesTests(tools);
    engineLimitsTests(tools);
    engineDeliveryTests(tools);
    engineReplacedTests(tools);
  });
}
