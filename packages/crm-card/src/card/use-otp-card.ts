// The card's imperative shell: loads the status on open, runs one button's call at a time (a fresh
// requestId per click), feeds each answer to the reducer and performs its effects.
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { ApiResult, IssueOutcome, OtpkitApi } from "../api.js";
import { newRequestId } from "../api.js";
import type { CardNotice, CardState } from "./card-state.js";
import { cardReducer, INITIAL_CARD_STATE, issueEffects } from "./card-state.js";
import type { IssueAction } from "./messages.js";

/** The host actions the card uses (`crm.record.sidebar` has them all). */
export interface CardActions {
  addAlert(alert: {
    type?: "info" | "warning" | "success" | "danger" | "tip";
    title?: string;
    message: string;
  }): void;
  copyTextToClipboard(text: string): Promise<void>;
  closeOverlay(id: string): void;
}

/** The Resend confirmation's `Modal` id (its buttons close it with `actions.closeOverlay`). */
export const RESEND_MODAL_ID = "otpkit-resend-confirm";

/** The card's state and what its buttons do. */
export interface OtpCardController {
  state: CardState;
  /** Loads the status again (the retry of every error, and "Reload"). */
  reload(): Promise<void>;
  generate(): Promise<void>;
  /** Resends to the address the confirmation shows. */
  confirmResend(): Promise<void>;
  /** Closes the confirmation; nothing is sent. */
  cancelResend(): void;
  regenerate(): Promise<void>;
  /** Copies the code (a user gesture: the Copy button's click). */
  copyCode(code: string): Promise<void>;
}

/**
 * The card's behaviour, for the view: one call at a time (a second click while a call runs does
 * nothing, so a double click never makes two codes), each click with a new `requestId`.
 *
 * @param api The otpkit server's API.
 * @param contactId The contact's record id (`context.crm.objectId`).
 * @param actions The host actions (alerts, clipboard, closing the confirmation).
 * @returns The state and the handlers ({@link OtpCardController}).
 * @throws Never: the API answers failures as values.
 * @example
 * ```tsx
 * const card = useOtpCard(api, context.crm.objectId, actions);
 * return <Button onClick={() => void card.generate()}>Generate OTP</Button>;
 * ```
 */
export function useOtpCard(
  api: OtpkitApi,
  contactId: string | number,
  actions: CardActions,
): OtpCardController {
  const [state, dispatch] = useReducer(cardReducer, INITIAL_CARD_STATE);
  // Why a ref and not the state: two clicks in one frame both see the old state.
  const running = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  const load = useCallback(
    async (notice?: CardNotice) => {
      dispatch({ type: "load_started" });
      const result = await api.cardStatus(contactId);
      dispatch(
        notice === undefined ? { type: "loaded", result } : { type: "loaded", result, notice },
      );
    },
    [api, contactId],
  );

  const exclusive = useCallback(async (run: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    try {
      await run();
    } finally {
      running.current = false;
    }
  }, []);

  useEffect(() => {
    void exclusive(() => load());
  }, [exclusive, load]);

  const issue = useCallback(
    (action: IssueAction) =>
      exclusive(async () => {
        const current = stateRef.current;
        if (current.view !== "ready") return;
        const email = current.confirm.email;
        if (action === "resend" && email === null) return;
        dispatch({ type: "issue_started", action });
        const requestId = newRequestId();
        let result: ApiResult<IssueOutcome>;
        if (action === "resend") result = await api.resend(contactId, requestId, email ?? "");
        else if (action === "regenerate") result = await api.regenerate(contactId, requestId);
        else result = await api.generate(contactId, requestId);
        dispatch({ type: "issue_answered", action, result });
        const effects = issueEffects(action, result);
        if (effects.closeConfirm) actions.closeOverlay(RESEND_MODAL_ID);
        if (effects.alert !== null) actions.addAlert(effects.alert);
        if (effects.reload !== null) await load(effects.reload);
      }),
    [actions, api, contactId, exclusive, load],
  );

  const cancelResend = useCallback(() => {
    actions.closeOverlay(RESEND_MODAL_ID);
    dispatch({ type: "confirm_cancelled" });
  }, [actions]);

  const copyCode = useCallback(
    async (code: string) => {
      try {
        await actions.copyTextToClipboard(code);
        actions.addAlert({ type: "success", message: "Code copied to the clipboard." });
      } catch {
        actions.addAlert({
          type: "warning",
          title: "Could not copy",
          message: "The browser did not allow copying. Select the code and copy it by hand.",
        });
      }
    },
    [actions],
  );

  return {
    state,
    reload: () => exclusive(() => load()),
    generate: () => issue("generate"),
    confirmResend: () => issue("resend"),
    cancelResend,
    regenerate: () => issue("regenerate"),
    copyCode,
  };
}
