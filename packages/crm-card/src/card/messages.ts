// What the card says when something stops a code: one sentence a support agent can act on, for
// every error code the card API answers (`FETCH_API_ERRORS`) and for the card's own failures.
import type { ApiFailure } from "../api.js";
import type { TimeFormat } from "./format.js";
import { formatDateTime, formatWait } from "./format.js";

/** An alert's title and body. */
export interface CardMessage {
  title: string;
  message: string;
}

/** A button of the card that asks the server for a code. */
export type IssueAction = "generate" | "resend" | "regenerate";

const ADMIN = "If it keeps happening, ask your HubSpot admin to check the otpkit app.";

// Per error code: what happened and what the agent can do. Codes not listed show the server's
// own sentence (it is written for people too).
const FAILURE_TEXT: Readonly<Record<string, string>> = {
  CONTACT_NO_EMAIL:
    "This contact has no e-mail address, so the code cannot be e-mailed. Add an address to the contact record, then reload the card.",
  CONTACT_EMAIL_INVALID:
    "The contact's e-mail address cannot receive mail. Correct it on the contact record and try again.",
  DELIVERY_FAILED:
    "The e-mail with the code could not be sent, so no new code is active. Try again in a moment.",
  EMAIL_UNAVAILABLE:
    "E-mail delivery is on in the app's settings, but the otpkit server has no e-mail service set up. Ask your HubSpot admin.",
  HUBSPOT_UNAVAILABLE: `HubSpot is busy right now. Wait a few seconds and try again. ${ADMIN}`,
  HUBSPOT_REJECTED:
    "HubSpot refused the app's request; the app may need to be reinstalled. Ask your HubSpot admin.",
  STORE_UNAVAILABLE: `The otpkit server is busy right now. Wait a few seconds and try again. ${ADMIN}`,
  SETTINGS_UNREADABLE:
    "The app's settings need to be saved again. Ask your HubSpot admin to open the otpkit settings page and save.",
  SIGNATURE_INVALID: `The otpkit server could not confirm this request came from HubSpot. ${ADMIN}`,
  IDENTITY_MISSING: `The otpkit server could not tell which HubSpot account is asking. ${ADMIN}`,
  REQUEST_IN_PROGRESS:
    "The previous click is still being handled. Reload the card in a moment to see its result.",
  REQUEST_ID_REUSED:
    "The request could not be matched to this click. Reload the card and try again.",
  EMAIL_DISABLED:
    "E-mail delivery was turned off in the app's settings. The card has been reloaded.",
  EMAIL_ENABLED: "E-mail delivery was turned on in the app's settings. The card has been reloaded.",
};

const ACTION_TITLE: Readonly<Record<IssueAction, string>> = {
  generate: "The code was not generated",
  resend: "The code was not resent",
  regenerate: "The code was not regenerated",
};

/**
 * The alert for a failed call: a title naming what did not happen and a sentence saying what to
 * do. Without `action` it is the card's loading failure.
 *
 * @param failure The API's failure (its `code` picks the sentence).
 * @param action The button that failed, or none for loading the card.
 * @returns The title and message.
 * @throws Never.
 * @example
 * ```ts
 * failureMessage({ ok: false, status: 502, code: "DELIVERY_FAILED", message: "…" }, "generate");
 * // { title: "The code was not generated", message: "The e-mail with the code could not be sent, …" }
 * ```
 */
export function failureMessage(failure: ApiFailure, action?: IssueAction): CardMessage {
  const known = FAILURE_TEXT[failure.code];
  const text = known ?? (failure.message.trim() === "" ? `Try again. ${ADMIN}` : failure.message);
  const message = /[.!?]$/.test(text) ? text : `${text}.`;
  if (action === undefined) return { title: "The card could not load", message };
  if (isUnanswered(failure)) {
    return {
      title: "No answer from the otpkit server",
      message: `${message} The card has been reloaded: a code made by this click is shown.`,
    };
  }
  return { title: ACTION_TITLE[action], message };
}

/**
 * Whether a failure leaves it open if the server made a code: no readable answer came back
 * (`NETWORK`, `BAD_ANSWER`). The card then reloads the status rather than guessing.
 *
 * @param failure The API's failure.
 * @returns True when the call's outcome is unknown.
 * @throws Never.
 * @example
 * ```ts
 * isUnanswered({ ok: false, status: 0, code: "NETWORK", message: "…" }); // true
 * ```
 */
export function isUnanswered(failure: ApiFailure): boolean {
  return failure.code === "NETWORK" || failure.code === "BAD_ANSWER";
}

/**
 * The locked notice: until when (in the portal's time zone), or until an admin unlocks.
 *
 * @param lockedUntil Epoch ms, or `null` when only an operator can unlock.
 * @param now The server's clock, epoch ms (for "in about N minutes").
 * @param format The portal's time zone and the user's locale.
 * @returns The title and message.
 * @throws Never.
 * @example
 * ```ts
 * lockedMessage(null, Date.now(), format).message;
 * // "Too many wrong codes were entered. No new code can be generated until an admin unlocks the contact."
 * ```
 */
export function lockedMessage(
  lockedUntil: number | null,
  now: number,
  format: TimeFormat,
): CardMessage {
  const title = "Contact locked";
  const reason = "Too many wrong codes were entered.";
  if (lockedUntil === null) {
    return {
      title,
      message: `${reason} No new code can be generated until an admin unlocks the contact.`,
    };
  }
  const wait = formatWait((lockedUntil - now) / 1000);
  return {
    title,
    message: `${reason} No new code can be generated until ${formatDateTime(lockedUntil, format)} (${wait}).`,
  };
}

/**
 * The throttled notice: why no code was made and when the next one is possible.
 *
 * @param reason `cooldown` (a code was sent a moment ago), `max_sends` (too many codes for now),
 *   or undefined when only the time is known (from the card's status).
 * @param nextSendAt When a code may be generated, epoch ms.
 * @param waitSeconds Seconds until then (the server's `retryAfter`).
 * @param format The portal's time zone and the user's locale.
 * @returns The title and message.
 * @throws Never.
 * @example
 * ```ts
 * throttledMessage("cooldown", next, 45, format).title; // "Too soon for a new code"
 * ```
 */
export function throttledMessage(
  reason: "cooldown" | "max_sends" | undefined,
  nextSendAt: number,
  waitSeconds: number,
  format: TimeFormat,
): CardMessage {
  const why =
    reason === "max_sends"
      ? "This contact has received the most codes allowed for now."
      : "This contact received a code a moment ago.";
  return {
    title: reason === "max_sends" ? "Code limit reached" : "Too soon for a new code",
    message: `${why} The next code can be generated at ${formatDateTime(nextSendAt, format)} (${formatWait(waitSeconds)}).`,
  };
}
