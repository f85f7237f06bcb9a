import { describe, expect, it } from "vitest";
import { cardStatus, FIXTURE_NOW, fail, generated, ok, shownCode } from "./card-fixtures.js";
import type { CardState } from "./card-state.js";
import { cardReducer, INITIAL_CARD_STATE, issueEffects } from "./card-state.js";

function ready(status = shownCode()): Extract<CardState, { view: "ready" }> {
  const state = cardReducer(INITIAL_CARD_STATE, { type: "loaded", result: ok(status) });
  if (state.view !== "ready") throw new Error("expected ready");
  return state;
}

describe("cardReducer: loading", () => {
  it("is ready with the status, the code marked as found on open", () => {
    const state = ready();
    expect(state).toMatchObject({ origin: "loaded", busy: null, notice: null });
    expect(state.confirm).toEqual({ email: "ana@example.com", changed: false });
  });

  it("turns a status throttle into a notice without a reason", () => {
    const state = ready(cardStatus({ nextSendAt: FIXTURE_NOW + 90_000 }));
    expect(state.notice).toEqual({
      kind: "throttled",
      nextSendAt: FIXTURE_NOW + 90_000,
      waitSeconds: 90,
    });
    expect(ready(cardStatus({ nextSendAt: FIXTURE_NOW - 1 })).notice).toBeNull();
  });

  it("tells a missing contact from other failures", () => {
    expect(
      cardReducer(INITIAL_CARD_STATE, { type: "loaded", result: fail("CONTACT_NOT_FOUND", 404) }),
    ).toEqual({ view: "not_found" });
    const network = fail("NETWORK", 0);
    expect(cardReducer(INITIAL_CARD_STATE, { type: "loaded", result: network })).toEqual({
      view: "load_failed",
      failure: network,
    });
  });

  it("goes back to loading on a reload", () => {
    expect(cardReducer(ready(), { type: "load_started" })).toEqual({ view: "loading" });
  });
});

describe("cardReducer: a button's answer", () => {
  it("marks the button busy and clears the last notice", () => {
    const base = {
      ...ready(),
      notice: { kind: "failed" as const, action: "generate" as const, failure: fail("X", 500) },
    };
    expect(cardReducer(base, { type: "issue_started", action: "generate" })).toMatchObject({
      busy: "generate",
      notice: null,
    });
  });

  it("shows a generated code as just made, without the answer's outcome fields", () => {
    const state = cardReducer(ready(cardStatus()), {
      type: "issue_answered",
      action: "generate",
      result: ok(generated()),
    });
    if (state.view !== "ready") throw new Error("expected ready");
    expect(state.origin).toBe("issued");
    expect(state.status.code).toBe("730155");
    expect(state.status).not.toHaveProperty("outcome");
    expect(state.status).not.toHaveProperty("replayed");
  });

  it("keeps the code and notes when the next one is possible after a throttle", () => {
    const state = cardReducer(ready(), {
      type: "issue_answered",
      action: "resend",
      result: ok(
        {
          outcome: "throttled",
          reason: "max_sends",
          retryAfter: 600,
          nextSendAt: FIXTURE_NOW + 600_000,
          replayed: false,
        },
        409,
      ),
    });
    if (state.view !== "ready") throw new Error("expected ready");
    expect(state.status.code).toBe("482913");
    expect(state.status.nextSendAt).toBe(FIXTURE_NOW + 600_000);
    expect(state.notice).toEqual({
      kind: "throttled",
      reason: "max_sends",
      nextSendAt: FIXTURE_NOW + 600_000,
      waitSeconds: 600,
    });
  });

  it("locks the card on a locked answer", () => {
    const state = cardReducer(ready(), {
      type: "issue_answered",
      action: "regenerate",
      result: ok({ outcome: "locked", lockedUntil: null, retryAfter: null, replayed: false }, 423),
    });
    expect(state).toMatchObject({ status: { locked: true, lockedUntil: null }, busy: null });
  });

  it("puts the new address in the confirmation on RECIPIENT_CHANGED", () => {
    const state = cardReducer(ready(), {
      type: "issue_answered",
      action: "resend",
      result: fail("RECIPIENT_CHANGED", 409, { recipientEmail: "new@example.com" }),
    });
    expect(state).toMatchObject({
      confirm: { email: "new@example.com", changed: true },
      status: { recipientEmail: "ana@example.com" },
      notice: null,
    });
    // Closing the confirmation: the card takes the new address.
    expect(cardReducer(state, { type: "confirm_cancelled" })).toMatchObject({
      confirm: { email: "new@example.com", changed: false },
      status: { recipientEmail: "new@example.com" },
    });
  });

  it("cancelling an unchanged confirmation changes nothing", () => {
    const state = ready();
    expect(cardReducer(state, { type: "confirm_cancelled" })).toEqual(state);
  });

  it("forgets the address on CONTACT_NO_EMAIL (the no-e-mail notice says it)", () => {
    const state = cardReducer(ready(cardStatus()), {
      type: "issue_answered",
      action: "generate",
      result: fail("CONTACT_NO_EMAIL", 422),
    });
    expect(state).toMatchObject({ status: { recipientEmail: null }, notice: null });
  });

  it("shows other failures as a notice naming the button", () => {
    const failure = fail("DELIVERY_FAILED", 502);
    const state = cardReducer(ready(), {
      type: "issue_answered",
      action: "resend",
      result: failure,
    });
    expect(state).toMatchObject({ notice: { kind: "failed", action: "resend", failure } });
    expect(
      cardReducer(ready(), {
        type: "issue_answered",
        action: "generate",
        result: fail("CONTACT_NOT_FOUND", 404),
      }),
    ).toEqual({ view: "not_found" });
  });

  it("ignores button events unless the card is ready", () => {
    expect(cardReducer(INITIAL_CARD_STATE, { type: "issue_started", action: "generate" })).toBe(
      INITIAL_CARD_STATE,
    );
    expect(cardReducer(INITIAL_CARD_STATE, { type: "confirm_cancelled" })).toBe(INITIAL_CARD_STATE);
    expect(
      cardReducer(INITIAL_CARD_STATE, {
        type: "issue_answered",
        action: "generate",
        result: ok(generated()),
      }),
    ).toBe(INITIAL_CARD_STATE);
  });
});

describe("issueEffects", () => {
  it("keeps the confirmation open only for RECIPIENT_CHANGED", () => {
    expect(issueEffects("resend", fail("RECIPIENT_CHANGED", 409)).closeConfirm).toBe(false);
    expect(issueEffects("resend", fail("DELIVERY_FAILED", 502)).closeConfirm).toBe(true);
    expect(issueEffects("resend", ok(generated())).closeConfirm).toBe(true);
    expect(issueEffects("generate", ok(generated())).closeConfirm).toBe(false);
  });

  it("reloads when e-mail delivery was switched since the card loaded", () => {
    const off = fail("EMAIL_DISABLED", 409);
    expect(issueEffects("resend", off).reload).toEqual({ kind: "settings_changed", failure: off });
    const on = fail("EMAIL_ENABLED", 409);
    expect(issueEffects("regenerate", on).reload).toEqual({
      kind: "settings_changed",
      failure: on,
    });
  });

  it("reloads when no answer came back (a code may have been made), not after a refusal", () => {
    const network = fail("NETWORK", 0);
    expect(issueEffects("generate", network).reload).toEqual({
      kind: "failed",
      action: "generate",
      failure: network,
    });
    expect(issueEffects("resend", fail("BAD_ANSWER", 502)).reload).toMatchObject({
      kind: "failed",
      action: "resend",
    });
    expect(issueEffects("generate", fail("DELIVERY_FAILED", 502)).reload).toBeNull();
    expect(issueEffects("generate", ok(generated())).reload).toBeNull();
  });

  it("announces a new code: where it was e-mailed, or that none was", () => {
    expect(issueEffects("generate", ok(generated())).alert).toEqual({
      type: "success",
      title: "Code generated",
      message: "A new code was e-mailed to ana@example.com.",
    });
    expect(issueEffects("resend", ok(generated())).alert).toEqual({
      type: "success",
      title: "Code resent",
      message: "A new code was e-mailed to ana@example.com. The previous code no longer works.",
    });
    const off = generated({ emailEnabled: false, recipientEmail: null });
    expect(issueEffects("regenerate", ok(off)).alert).toEqual({
      type: "success",
      title: "Code regenerated",
      message:
        "A new code is shown in the card; no e-mail was sent. The previous code no longer works.",
    });
    expect(issueEffects("generate", ok(off)).alert?.message).toBe(
      "A new code is shown in the card; no e-mail was sent.",
    );
  });

  it("announces nothing for throttled or locked answers", () => {
    const locked = ok(
      { outcome: "locked" as const, lockedUntil: null, retryAfter: null, replayed: false },
      423,
    );
    expect(issueEffects("generate", locked).alert).toBeNull();
  });
});
