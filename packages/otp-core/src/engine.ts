import type { Otp } from "./api.js";
import { configError } from "./assert.js";
import { createCodeMaker } from "./codes.js";
import { createCommitter } from "./commit.js";
import { createKeyring, createNamer, nobleHmac } from "./crypto.js";
import { createDeliverer } from "./delivery.js";
import { createDestinationQuota, resolveDestinationQuota } from "./destination-quota.js";
import { createEffects } from "./effects.js";
import { createIdempotency } from "./idempotency.js";
import { lookup, revoke, unlock } from "./op-admin.js";
import { issue } from "./op-issue.js";
import { verify } from "./op-verify.js";
import type { OtpOptions } from "./options.js";
import { fn, resolveRules, resolveShell } from "./options.js";
import type { Parts } from "./parts.js";
import { createPhoneCountries } from "./phone-countries.js";
import { createCodePolicy } from "./policy.js";
import { pooledRandom } from "./random.js";
import { recordTtl } from "./rules/index.js";
import { createUnlockTimers } from "./unlock-timers.js";

/**
 * Creates the OTP engine: every rule of otpkit (in `rules/`, as pure decisions) over any
 * {@link OtpStore}. Each operation reads the subject's one record, decides, commits the decision
 * with one compare-and-set, and only then records events, sends messages and answers.
 *
 * @param options Store, secrets, naming key, policy, channels, event sink; see {@link OtpOptions}.
 * @returns The engine.
 * @throws {OtpError} `CONFIG_INVALID` naming the field, for any bad option.
 * @example
 * ```ts
 * const otp = createOtp({
 *   store: createMemoryStore(),
 *   secrets: [{ id: "k1", key: SECRET }],
 *   namingKey: NAMING_KEY,
 * });
 * const issued = await otp.issue({ subject: "user-42", deliver: false });
 * if (issued.status === "issued") await otp.verify({ subject: "user-42", code: issued.code! });
 * ```
 */
export function createOtp(options: OtpOptions): Otp {
  if (typeof options !== "object" || options === null) {
    throw configError("options", "an object", options);
  }
  const store = options.store;
  if (
    typeof store !== "object" ||
    store === null ||
    typeof store.get !== "function" ||
    typeof store.compareAndSet !== "function"
  ) {
    throw configError(
      "store",
      "an OtpStore with get() and compareAndSet()",
      store,
      "e.g. createMemoryStore(); stores written for otpkit 0.x (set/consume/increment) must be upgraded",
    );
  }
  const hmac = fn("hmac", options.hmac, "a function (key, data) => Uint8Array") ?? nobleHmac();
  const random = fn("random", options.random, "a function (bytes) => bytes") ?? pooledRandom;
  const keyring = createKeyring(options.secrets, hmac);
  const namer = createNamer(options.namingKey, hmac);
  const code = createCodePolicy(options.code);
  const policy = { ...resolveRules(options), code };
  const shell = resolveShell(options);
  if (options.channels !== undefined && !Array.isArray(options.channels)) {
    throw configError("channels", "an array of OtpChannel", options.channels);
  }
  const countries = createPhoneCountries(options.phoneCountries, options.phoneCountryOf);
  const quotaLimits = resolveDestinationQuota(options.destinationQuota);
  const deliverer = createDeliverer(
    options.channels ?? [],
    options.delivery ?? {},
    shell.sleep,
    countries,
  );
  const committer = createCommitter(store, shell.now, random, shell.sleep, (record, now) =>
    recordTtl(record, now, policy),
  );
  const effects = createEffects(shell, deliverer, random);
  const parts: Parts = {
    policy,
    shell,
    committer,
    effects,
    codes: createCodeMaker(keyring, code, random, shell.storage, options.testRecipients),
    deliverer,
    idempotency: createIdempotency(committer, namer, shell.idempotencyTtlMs),
    timers: createUnlockTimers(shell.scheduleUnlocks),
    namer,
    quota:
      quotaLimits === undefined
        ? undefined
        : createDestinationQuota(quotaLimits, committer, namer, effects),
  };
  return {
    policy: code,
    issue: (request) => issue(parts, request),
    verify: (request) => verify(parts, request),
    lookup: (request) => lookup(parts, request),
    revoke: (request) => revoke(parts, request),
    unlock: (request) => unlock(parts, request),
    async close() {
      parts.timers.close();
    },
  };
}
