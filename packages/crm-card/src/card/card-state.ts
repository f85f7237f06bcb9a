// The card's state and how each answer moves it: a pure reducer (no call, no clock), so every
// transition is tested without rendering, and the hook only performs the effects it is told to.
import type { ApiFailure, ApiResult, IssueOutcome } from "../api.js";
import type { CardStatus } from "../wire.js";
import type { IssueAction } from "./messages.js";
import { isUnanswered } from "./messages.js";

/** A notice above the card's buttons, set by the last answer. */
export type CardNotice =
  /** 409: too soon or too many codes; `reason` is unknown when it comes from the status. */
  | {
      kind: "throttled";
      reason?: "cooldown" | "max_sends";
      nextSendAt: number;
      waitSeconds: number;
    }
  /** A button's call failed (the failure's code picks the sentence). */
  | { kind: "failed"; action: IssueAction; failure: ApiFailure }
  /** E-mail delivery was switched since the card loaded; the card reloaded. */
  | { kind: "settings_changed"; failure: ApiFailure };

/** The Resend confirmation: the address it shows, and whether it changed since it was opened. */
export interface ResendConfirm {
  email: string | null;
  /** Set by RECIPIENT_CHANGED: the confirmation shows the new address and says so. */
  changed: boolean;
}

/** What the card shows. */
export type CardState =
  | { view: "loading" }
  | { view: "load_failed"; failure: ApiFailure }
  | { view: "not_found" }
  | {
      view: "ready";
      status: CardStatus;
      /** `loaded`: the code was there when the card opened ("Active OTP"); `issued`: just made. */
      origin: "loaded" | "issued";
      notice: CardNotice | null;
      /** The button whose call is running; every button is disabled meanwhile. */
      busy: IssueAction | null;
      confirm: ResendConfirm;
    };

/** What happened. */
export type CardEvent =
  | { type: "load_started" }
  | { type: "loaded"; result: ApiResult<CardStatus>; notice?: CardNotice }
  | { type: "issue_started"; action: IssueAction }
  | { type: "issue_answered"; action: IssueAction; result: ApiResult<IssueOutcome> }
  | { type: "confirm_cancelled" };

/** The state before the first answer. */
export const INITIAL_CARD_STATE: CardState = { view: "loading" };

/**
 * The next state of the card.
 *
 * @param state The current state.
 * @param event What happened.
 * @returns The next state (the same object when the event does not apply).
 * @throws Never.
 * @example
 * ```ts
 * const next = cardReducer(INITIAL_CARD_STATE, { type: "loaded", result: { ok: true, status: 200, data } });
 * next.view; // "ready"
 * ```
 */
export function cardReducer(state: CardState, event: CardEvent): CardState {
  switch (event.type) {
    case "load_started":
      return { view: "loading" };
    case "loaded":
      return loaded(event.result, event.notice);
    case "issue_started":
      return state.view === "ready" ? { ...state, busy: event.action, notice: null } : state;
    case "issue_answered":
      return state.view === "ready" ? answered(state, event.action, event.result) : state;
    case "confirm_cancelled":
      return state.view === "ready" ? cancelled(state) : state;
  }
}

type Ready = Extract<CardState, { view: "ready" }>;

function loaded(result: ApiResult<CardStatus>, notice?: CardNotice): CardState {
  if (!result.ok) {
    return result.code === "CONTACT_NOT_FOUND"
      ? { view: "not_found" }
      : { view: "load_failed", failure: result };
  }
  const status = result.data;
  return {
    view: "ready",
    status,
    origin: "loaded",
    notice: notice ?? throttleOf(status),
    busy: null,
    confirm: { email: status.recipientEmail, changed: false },
  };
}

function cancelled(state: Ready): Ready {
  const email = state.confirm.changed ? state.confirm.email : state.status.recipientEmail;
  return {
    ...state,
    status: { ...state.status, recipientEmail: email },
    confirm: { email, changed: false },
  };
}

/** The status's own throttle (a code was made a moment ago), as a notice. */
function throttleOf(status: CardStatus): CardNotice | null {
  if (status.nextSendAt === null || status.nextSendAt <= status.now) return null;
  return {
    kind: "throttled",
    nextSendAt: status.nextSendAt,
    waitSeconds: (status.nextSendAt - status.now) / 1000,
  };
}

function answered(state: Ready, action: IssueAction, result: ApiResult<IssueOutcome>): CardState {
  const idle: Ready = { ...state, busy: null };
  if (!result.ok) return failed(idle, action, result);
  const data = result.data;
  if (data.outcome === "throttled") {
    return {
      ...idle,
      status: { ...idle.status, nextSendAt: data.nextSendAt },
      notice: {
        kind: "throttled",
        reason: data.reason,
        nextSendAt: data.nextSendAt,
        waitSeconds: data.retryAfter,
      },
    };
  }
  if (data.outcome === "locked") {
    return {
      ...idle,
      status: { ...idle.status, locked: true, lockedUntil: data.lockedUntil },
      notice: null,
    };
  }
  const { outcome: _outcome, replayed: _replayed, ...status } = data;
  return {
    ...idle,
    status,
    origin: "issued",
    notice: null,
    confirm: { email: status.recipientEmail, changed: false },
  };
}

function failed(idle: Ready, action: IssueAction, failure: ApiFailure): CardState {
  switch (failure.code) {
    case "CONTACT_NOT_FOUND":
      return { view: "not_found" };
    case "RECIPIENT_CHANGED":
      // Only the open confirmation changes (the Resend button holding it must stay mounted);
      // the card takes the new address when the confirmation closes.
      return { ...idle, confirm: { email: failure.recipientEmail ?? null, changed: true } };
    case "CONTACT_NO_EMAIL":
      // The card's no-e-mail notice says it (once), from the status.
      return {
        ...idle,
        status: { ...idle.status, recipientEmail: null },
        confirm: { email: null, changed: false },
        notice: null,
      };
    default:
      return { ...idle, notice: { kind: "failed", action, failure } };
  }
}

/** What the hook does after an answer, besides moving the state. */
export interface IssueEffects {
  /** Close the Resend confirmation (everything but RECIPIENT_CHANGED, which shows the new address). */
  closeConfirm: boolean;
  /**
   * Reload the status, keeping this notice: e-mail delivery was switched since the card loaded,
   * or no answer came back (a code may have been made: the status shows it).
   */
  reload: CardNotice | null;
  /** A success alert (`actions.addAlert`), when a code was made. */
  alert: { type: "success"; title: string; message: string } | null;
}

/**
 * The effects of an answer to Generate, Resend or Regenerate.
 *
 * @param action The button.
 * @param result The API's answer.
 * @returns What to close, reload and announce.
 * @throws Never.
 * @example
 * ```ts
 * issueEffects("resend", { ok: false, status: 409, code: "RECIPIENT_CHANGED", message: "…" });
 * // { closeConfirm: false, reload: null, alert: null }
 * ```
 */
export function issueEffects(action: IssueAction, result: ApiResult<IssueOutcome>): IssueEffects {
  const closeConfirm = action === "resend" && !(!result.ok && result.code === "RECIPIENT_CHANGED");
  if (!result.ok) {
    const switched = result.code === "EMAIL_DISABLED" || result.code === "EMAIL_ENABLED";
    const reload: CardNotice | null = switched
      ? { kind: "settings_changed", failure: result }
      : isUnanswered(result)
        ? { kind: "failed", action, failure: result }
        : null;
    return { closeConfirm, reload, alert: null };
  }
  if (result.data.outcome !== "generated") return { closeConfirm, reload: null, alert: null };
  return { closeConfirm, reload: null, alert: successAlert(action, result.data) };
}

function successAlert(
  action: IssueAction,
  status: CardStatus,
): { type: "success"; title: string; message: string } {
  const to = status.recipientEmail;
  const replaced = action === "generate" ? "" : " The previous code no longer works.";
  if (status.emailEnabled && to !== null && action !== "regenerate") {
    return {
      type: "success",
      title: action === "resend" ? "Code resent" : "Code generated",
      message: `A new code was e-mailed to ${to}.${replaced}`,
    };
  }
  return {
    type: "success",
    title: action === "regenerate" ? "Code regenerated" : "Code generated",
    message: `A new code is shown in the card; no e-mail was sent.${replaced}`,
  };
}
