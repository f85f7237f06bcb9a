import { aint, configError } from "./assert.js";
import type { OtpChannel, Recipient } from "./channel.js";
import type { Committer, RecordCodec } from "./commit.js";
import type { Namer } from "./crypto.js";
import { OTP_DEFAULTS, OTP_LIMITS } from "./defaults.js";
import type { Effects, SubjectContext } from "./effects.js";
import { maskDestination } from "./mask.js";
import type { QuotaRecord } from "./quota-record.js";
import { decodeQuota, encodeQuota } from "./quota-record.js";
import type { QuotaLimits } from "./rules/index.js";
import { decideQuota, decideQuotaRefund, quotaTtl } from "./rules/index.js";

/** The send quota per destination: codes to one e-mail address or phone number, over every subject and purpose. */
export interface DestinationQuotaOptions {
  /** Codes per hour window (from the first send in it). @default 10 */
  maxPerHour?: number;
  /** Codes per day window (from the first send in it); at least `maxPerHour`. @default 30 (or `maxPerHour`, if higher) */
  maxPerDay?: number;
}

/** @internal A send counted against one destination, to give back if it does not happen. */
export interface Taken {
  readonly key: string;
  readonly hourSince: number;
  readonly daySince: number;
}

/** @internal The quota's answer for one request (all its destinations). */
export type QuotaTake =
  | { readonly ok: true; readonly taken: readonly Taken[] }
  | { readonly ok: false; readonly retryAfterMs: number };

/** @internal Counts sends per destination in the store, each with one compare-and-set. */
export interface DestinationQuota {
  /**
   * Counts one send to each destination, in order. If one is over its quota, `quota_exceeded` is
   * recorded for it, the ones counted before it are given back, and the answer is `ok: false`.
   */
  take(ctx: SubjectContext, destinations: readonly string[]): Promise<QuotaTake>;
  /** Gives back counted sends that did not happen. */
  refund(taken: readonly Taken[]): Promise<void>;
}

/**
 * @internal Validates `destinationQuota`: `false` turns it off (`undefined` here), absent means
 * the defaults.
 */
export function resolveDestinationQuota(option: unknown): QuotaLimits | undefined {
  if (option === false) return undefined;
  if (option === undefined) return OTP_DEFAULTS.destinationQuota;
  if (typeof option !== "object" || option === null || Array.isArray(option)) {
    throw configError("destinationQuota", "{ maxPerHour, maxPerDay } or false", option);
  }
  const o = option as DestinationQuotaOptions;
  const d = OTP_DEFAULTS.destinationQuota;
  const maxPerHour = aint(
    "destinationQuota.maxPerHour",
    o.maxPerHour ?? d.maxPerHour,
    ...OTP_LIMITS.destinationMaxPerHour,
  );
  const maxPerDay = aint(
    "destinationQuota.maxPerDay",
    o.maxPerDay ?? Math.max(d.maxPerDay, maxPerHour),
    ...OTP_LIMITS.destinationMaxPerDay,
  );
  if (maxPerDay < maxPerHour) {
    throw configError(
      "destinationQuota.maxPerDay",
      `at least destinationQuota.maxPerHour (${maxPerHour})`,
      maxPerDay,
    );
  }
  return Object.freeze({ maxPerHour, maxPerDay });
}

/**
 * @internal The destinations a delivery plan may send to: the recipient's phone for phone
 * channels, its e-mail address for e-mail channels, each once, in the plan's order. A fallback
 * destination is counted too: a message may go there.
 */
export function destinationsOf(plan: readonly OtpChannel[], recipient: Recipient): string[] {
  const out: string[] = [];
  for (const channel of plan) {
    const address = channel.address === "phone" ? recipient.phone : recipient.email;
    if (typeof address === "string" && !out.includes(address)) out.push(address);
  }
  return out;
}

/**
 * @internal The form a destination is counted under, so that spellings of one inbox or one
 * number share a quota. Phone: `+` and digits only. E-mail: trimmed and lower-cased, without a
 * `+tag` (Gmail, Outlook, iCloud and Fastmail deliver `ana+1@` to `ana@`), and for Gmail
 * without dots (`a.n.a@gmail.com` is `ana@gmail.com`). Merging too much only makes the quota
 * stricter for addresses that really differ; merging too little lets a bomber through.
 */
export function normalizeDestination(address: string): string {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf("@");
  if (at < 0) return `+${a.replace(/\D/g, "")}`;
  let local = a.slice(0, at);
  let domain = a.slice(at + 1).replace(/\.$/, "");
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (domain === "googlemail.com") domain = "gmail.com";
  if (domain === "gmail.com") local = local.replaceAll(".", "");
  return `${local}@${domain}`;
}

const CODEC: RecordCodec<QuotaRecord> = {
  encode: encodeQuota,
  decode: decodeQuota,
  ttl: quotaTtl,
};

/** @internal */
export function createDestinationQuota(
  limits: QuotaLimits,
  committer: Committer,
  namer: Namer,
  effects: Effects,
): DestinationQuota {
  // Keyed with the naming key, like a subject's record: whoever reads the store cannot confirm a
  // guessed address. Its own hash tag (one Redis Cluster slot per destination) and its own `:d`
  // suffix, so it can be neither a subject's record (`{sid}`) nor an idempotency claim.
  const keyOf = (address: string) =>
    `{${namer.digest(`destination\0${normalizeDestination(address)}`)}}:d`;

  async function refund(taken: readonly Taken[]): Promise<void> {
    for (const t of taken) {
      try {
        await committer.commitWith(t.key, CODEC, (record) => decideQuotaRefund(record, t));
      } catch {
        // A refund that fails leaves the count one too high until its window ends: stricter,
        // never a send past the quota. The answer the caller gets must not depend on it.
      }
    }
  }

  return {
    refund,
    async take(ctx, destinations) {
      const taken: Taken[] = [];
      for (const address of destinations) {
        const key = keyOf(address);
        const decision = await committer.commitWith(key, CODEC, (record, now) =>
          decideQuota(record, { now, destination: maskDestination(address) }, limits),
        );
        const outcome = decision.outcome;
        if (!outcome.ok) {
          await effects.emit(ctx, decision.events);
          await refund(taken);
          return { ok: false, retryAfterMs: outcome.retryAfterMs };
        }
        taken.push({ key, hourSince: outcome.hourSince, daySince: outcome.daySince });
      }
      return { ok: true, taken };
    },
  };
}
