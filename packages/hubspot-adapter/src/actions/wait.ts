import { EXECUTION_STATE, EXPIRATION_DURATION, WAIT_INPUTS as IN } from "./fields.js";
import type { PendingCallbacks } from "./pending-callbacks.js";
import { HUBSPOT_OTP_PURPOSE, hubspotSubject } from "./subject.js";
import { inputValue, WorkflowInputError } from "./workflow-payload.js";
import type { WorkflowAction } from "./workflow-request.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The wait window's bounds and default, ms. */
export const WAIT_WINDOW = Object.freeze({ min: MINUTE, max: 7 * DAY, default: 30 * MINUTE });
/**
 * How much longer than the window HubSpot holds the enrollment: the app completes an ended
 * window with `expired` itself (its `completeDue` runs every minute or so), and HubSpot's own
 * expiry, which resumes the workflow without any output, is only the fallback.
 */
export const WAIT_EXPIRATION_MARGIN_MS = 15 * MINUTE;

/** What Wait for verification needs from the app. */
export interface WaitDeps {
  pending: Pick<PendingCallbacks, "add">;
  now: () => number;
}

/**
 * "Wait for verification": answers `BLOCK` and stores the callback; the app completes it with
 * `otp_result: verified` when the record's subject verifies (hosted page, Verify OTP, card), or
 * `expired` when the window ({@link WAIT_INPUTS}, default 30 minutes) ends.
 *
 * @internal Mounted by `createHubSpotApp` through `workflowHandler`.
 */
export function waitAction(deps: WaitDeps): WorkflowAction {
  return {
    name: "wait",
    async run(request) {
      const windowMs = parseWindow(inputValue(request, IN.expiration));
      // A retry adds nothing (the first one's window stands).
      await deps.pending.add({
        portalId: request.portalId,
        callbackId: request.callbackId,
        subject: hubspotSubject(request),
        purpose: HUBSPOT_OTP_PURPOSE,
        expiresAt: deps.now() + windowMs,
      });
      return {
        [EXECUTION_STATE]: "BLOCK",
        [EXPIRATION_DURATION]: isoDuration(windowMs + WAIT_EXPIRATION_MARGIN_MS),
      };
    },
  };
}

const ISO = /^P(?:(\d{1,3})W)?(?:(\d{1,3})D)?(?:T(?:(\d{1,4})H)?(?:(\d{1,6})M)?(?:(\d{1,7})S)?)?$/i;

/**
 * The wait window from the input: an ISO-8601 duration (`PT30M`, `PT2H`, `P1D`, `P1W`) or whole
 * minutes (`"45"`), within {@link WAIT_WINDOW}.
 *
 * @param value The input, trimmed; `undefined` when empty.
 * @returns The window in ms.
 * @throws {WorkflowInputError} for anything else (answered 400 `BAD_INPUT`).
 * @example
 * ```ts
 * parseWindow("PT1H30M"); // 5_400_000
 * parseWindow(undefined); // 1_800_000 (30 minutes)
 * ```
 */
export function parseWindow(value: string | undefined): number {
  if (value === undefined) return WAIT_WINDOW.default;
  let ms: number | undefined;
  if (/^\d{1,6}$/.test(value)) ms = Number(value) * MINUTE;
  else {
    const m = ISO.exec(value);
    if (m !== null && /\d/.test(value)) {
      const [w, d, h, min, s] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
      ms = (w as number) * 7 * DAY + (d as number) * DAY + (h as number) * HOUR;
      ms += (min as number) * MINUTE + (s as number) * 1000;
    }
  }
  if (ms === undefined || ms < WAIT_WINDOW.min || ms > WAIT_WINDOW.max) {
    throw new WorkflowInputError(
      IN.expiration,
      `${IN.expiration}: an ISO-8601 duration (PT30M, PT2H, P1D) or minutes, from 1 minute to 7 days`,
    );
  }
  return ms;
}

/**
 * An ISO-8601 duration in whole minutes (rounded up), as `PnDTnHnM`: the form Java's
 * `Duration.parse` reads (no weeks, months or years).
 *
 * @param ms A duration in ms (>= 0).
 * @returns The duration text.
 * @throws Never.
 * @example
 * ```ts
 * isoDuration(45 * 60_000); // "PT45M"
 * isoDuration(86_400_000 + 900_000); // "P1DT15M"
 * ```
 */
export function isoDuration(ms: number): string {
  let minutes = Math.ceil(ms / MINUTE);
  const days = Math.floor(minutes / (24 * 60));
  minutes -= days * 24 * 60;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const time = `${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}`;
  const text = `P${days ? `${days}D` : ""}${time ? `T${time}` : ""}`;
  return text === "P" ? "PT0M" : text;
}
