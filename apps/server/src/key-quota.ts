import type {
  IssueRequest,
  IssueResult,
  Otp,
  OtpEventSink,
  OtpStore,
  Recipient,
} from "@otpkit/otp-core";
import { maskDestination } from "@otpkit/otp-core";
import { HTTPException } from "hono/http-exception";
import { errorBody, HTTP_ERROR_STATUS } from "./http-errors.js";
import type { QuotaStamp } from "./key-quota-counter.js";
import { createQuotaCounter } from "./key-quota-counter.js";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** What {@link createKeyQuota} needs. */
export interface KeyQuotaOptions {
  /** The shared OTP store (Redis when scaled out): the counts hold across processes. */
  store: OtpStore;
  now: () => number;
  /** Codes per API key per clock hour (UTC); 0: no hourly quota. */
  perHour: number;
  /** Codes per API key per day (UTC); 0: no daily quota. */
  perDay: number;
  /** Where `quota_exceeded` goes: the server's audit sink (metrics, then the audit log). */
  events: OtpEventSink;
  /** Whether a recipient is a test recipient (TEST_RECIPIENTS): no delivery, so never counted. */
  isTestRecipient?: (recipient: Recipient) => boolean;
}

/** The send quota per API key. */
export interface KeyQuota {
  /**
   * The engine with every `issue` counted against `apiKeyId`: a request past the key's quota
   * throws {@link KeyQuotaExceeded} (429 `API_KEY_QUOTA_EXCEEDED`) before the engine is asked.
   * Only codes that went out stay counted: a refusal, a replay, a test recipient or a failure is
   * given back. (A key at its quota is refused before the engine is asked, so an idempotent
   * replay is refused then too; retried after `Retry-After`, it gets its stored answer.)
   */
  forKey(otp: Otp, apiKeyId: string): Otp;
}

/**
 * The 429 of a key past its quota, as Hono's own exception: the app's error handler answers its
 * prepared response (`API_KEY_QUOTA_EXCEEDED`, `Retry-After`) from any route or library call.
 *
 * @throws {never}
 * @example
 * try { await quota.forKey(otp, id).issue(request) } catch (e) {
 *   if (e instanceof KeyQuotaExceeded) showWait(e.retryAfterMs); else throw e;
 * }
 */
export class KeyQuotaExceeded extends HTTPException {
  constructor(
    readonly window: "hour" | "day",
    readonly limit: number,
    readonly retryAfterMs: number,
  ) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const body = errorBody(
      "API_KEY_QUOTA_EXCEEDED",
      `This API key has sent its ${limit} codes for this ${window}; try again in ${seconds} seconds`,
      { details: { window, limit, retryAfterSeconds: seconds } },
    );
    const status = HTTP_ERROR_STATUS.API_KEY_QUOTA_EXCEEDED;
    super(status, {
      res: new Response(JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json", "retry-after": String(seconds) },
      }),
    });
  }
}

/**
 * The send quota per API key, counted in the shared store (`key-quota-counter.ts`: one record
 * per key, concurrent sends combined per process) in fixed UTC hour and day windows. Why per key, on top of otp-core's
 * quota per destination: a leaked key can send to ever-new numbers (SMS pumping goes through
 * thousands of premium numbers, each under any per-number limit); this caps what one key can
 * spend.
 *
 * The server's defaults (API_KEY_MAX_SENDS_PER_HOUR=1000, _PER_DAY=10000) are several times
 * what a service with tens of thousands of sign-ins a day sends by code, while they hold a
 * leaked key to 10,000 messages a day (hundreds of dollars of SMS, not the six figures a pumping
 * run reaches); a larger service raises them.
 *
 * @throws {never}
 * @example
 * const quota = createKeyQuota({ store, now, perHour: 1000, perDay: 10000, events });
 * await quota.forKey(otp, apiKey.id).issue({ subject, recipient }); // may throw KeyQuotaExceeded
 */
export function createKeyQuota(options: KeyQuotaOptions): KeyQuota {
  const windows = [
    { name: "hour", ms: HOUR, limit: options.perHour },
    { name: "day", ms: DAY, limit: options.perDay },
  ] as const;
  const active = windows.filter((w) => w.limit > 0);
  const counter = createQuotaCounter(options.store, options.now, active);

  async function giveBack(apiKeyId: string, stamp: QuotaStamp): Promise<void> {
    try {
      await counter.giveBack(apiKeyId, stamp);
    } catch {
      // A count not given back stays until its window ends: stricter, never a send past the
      // quota; and the answer the caller gets must not depend on it.
    }
  }

  /** Counts one send in every window, or, past a window's quota, records it and throws. */
  async function take(apiKeyId: string, request: IssueRequest): Promise<QuotaStamp> {
    const admission = await counter.take(apiKeyId);
    if (admission.ok) return admission.stamp;
    const { window, retryAfterMs } = admission;
    await options.events({
      type: "quota_exceeded",
      at: options.now(),
      subject: request.subject,
      purpose: request.purpose ?? "login",
      reason: "api_key_quota",
      ...destinationOf(request),
    });
    throw new KeyQuotaExceeded(window.name, window.limit, retryAfterMs);
  }

  return {
    forKey(otp, apiKeyId) {
      if (active.length === 0) return otp;
      return {
        ...otp,
        async issue(request) {
          // The caller delivers a code it asked for itself, or a test recipient gets none: not
          // a send of ours (counting them first and giving back after would let a burst of test
          // sends crowd out real ones while in flight).
          if (request.deliver === false || options.isTestRecipient?.(request.recipient ?? {})) {
            return otp.issue(request);
          }
          const stamp = await take(apiKeyId, request);
          let result: IssueResult;
          try {
            result = await otp.issue(request);
          } catch (error) {
            await giveBack(apiKeyId, stamp);
            throw error;
          }
          const sent = result.status === "issued" && !result.replayed && result.channel !== "test";
          if (!sent) await giveBack(apiKeyId, stamp);
          return result;
        },
      };
    },
  };
}

function destinationOf(request: IssueRequest): { destination?: string } {
  const to = request.recipient?.phone ?? request.recipient?.email;
  return to === undefined ? {} : { destination: maskDestination(to) };
}
