import { DEFAULT_PORTAL_SETTINGS } from "@otpkit/hubspot-adapter";
import { describe, expect, it } from "vitest";
import type { ApiFailure } from "../api.js";
import type { PortalSettings } from "../wire.js";
import { valueAt } from "./draft.js";
import type { FormAction, FormState } from "./form-state.js";
import { canSave, formFrom, formReducer, isDirty } from "./form-state.js";

const defaults = (): PortalSettings => JSON.parse(JSON.stringify(DEFAULT_PORTAL_SETTINGS));
const run = (state: FormState, ...actions: FormAction[]) => actions.reduce(formReducer, state);
const edit = (path: string, value: unknown): FormAction => ({ type: "edit", path, value });
const refused = (fieldErrors: Record<string, string>): ApiFailure => ({
  ok: false,
  status: 422,
  code: "SETTINGS_INVALID",
  message: "Some settings need fixing",
  fieldErrors,
});
const offline: ApiFailure = { ok: false, status: 0, code: "NETWORK", message: "Unreachable." };

describe("the settings form", () => {
  it("starts clean; the defaults of a portal that never saved can be saved as they are", () => {
    const fresh = formFrom({ settings: defaults(), saved: false });
    expect(isDirty(fresh)).toBe(false);
    expect(canSave(fresh)).toBe(true);
    const saved = formFrom({ settings: defaults(), saved: true });
    expect(canSave(saved)).toBe(false);
    expect(saved.errorsFrom).toBeNull();
  });

  it("is dirty after an edit and clean again when the value goes back", () => {
    const saved = formFrom({ settings: defaults(), saved: true });
    const edited = run(saved, edit("maxAttempts", 5));
    expect(isDirty(edited)).toBe(true);
    expect(canSave(edited)).toBe(true);
    expect(isDirty(run(edited, edit("maxAttempts", 3)))).toBe(false);
  });

  it("discards back to the saved settings", () => {
    const saved = formFrom({ settings: defaults(), saved: true });
    const back = run(saved, edit("code.length", 8), edit("defaultCountry", "DE"), {
      type: "discard",
    });
    expect(back.draft).toEqual(saved.saved);
    expect(isDirty(back)).toBe(false);
  });

  it("shows a refused save's field errors, and drops each one as its field is edited", () => {
    const saved = formFrom({ settings: defaults(), saved: true });
    const failed = run(saved, edit("maxAttempts", 0), edit("defaultCountry", "XX"), {
      type: "saveStarted",
    });
    expect(failed.saving).toBe(true);
    expect(canSave(failed)).toBe(false);
    const shown = formReducer(failed, {
      type: "saveFailed",
      failure: refused({ maxAttempts: "Use 1 to 20.", defaultCountry: "Use two letters." }),
    });
    expect(shown.saving).toBe(false);
    expect(shown.errorsFrom).toBe("save");
    expect(shown.failure).toBeNull();
    expect(valueAt(shown.draft, "maxAttempts")).toBe(0); // the draft stays as typed
    const fixing = run(shown, edit("maxAttempts", 4));
    expect(fixing.errors).toEqual({ defaultCountry: "Use two letters." });
    expect(run(fixing, { type: "discard" }).errors).toEqual({});
  });

  it("keeps the draft and records a failure that is not about the values", () => {
    const saved = formFrom({ settings: defaults(), saved: true });
    const failed = run(
      saved,
      edit("maxAttempts", 5),
      { type: "saveStarted" },
      {
        type: "saveFailed",
        failure: offline,
      },
    );
    expect(failed.failure).toBe(offline);
    expect(failed.errors).toEqual({});
    expect(valueAt(failed.draft, "maxAttempts")).toBe(5);
    expect(canSave(failed)).toBe(true);
    expect(run(failed, { type: "saveStarted" }).failure).toBeNull();
  });

  it("takes the server's settings as saved, keeping edits made while saving", () => {
    const saved = formFrom({ settings: defaults(), saved: false });
    const sending = run(saved, edit("maxAttempts", 5), { type: "saveStarted" });
    const answer = { ...defaults(), maxAttempts: 5 };
    const done = formReducer(sending, {
      type: "saveSucceeded",
      settings: answer,
      sent: sending.draft,
    });
    expect(done.everSaved).toBe(true);
    expect(isDirty(done)).toBe(false);
    expect(canSave(done)).toBe(false);

    const typedOn = run(sending, edit("defaultCountry", "DE"));
    const later = formReducer(typedOn, {
      type: "saveSucceeded",
      settings: answer,
      sent: sending.draft,
    });
    expect(valueAt(later.saved, "defaultCountry")).toBe("US");
    expect(valueAt(later.draft, "defaultCountry")).toBe("DE");
    expect(isDirty(later)).toBe(true);
  });

  it("keeps saved settings that no longer validate savable, with their errors, until saved", () => {
    const broken: PortalSettings = { ...defaults(), expiryMinutes: 30 };
    const loaded = formFrom({
      settings: broken,
      saved: true,
      fieldErrors: { expiryMinutes: "Codes … should expire within 10 minutes." },
    });
    expect(loaded.errorsFrom).toBe("saved");
    expect(isDirty(loaded)).toBe(false);
    expect(canSave(loaded)).toBe(true);
    const edited = run(loaded, edit("expiryMinutes", 10));
    expect(edited.errors).toEqual({});
    // Discarding brings the saved values back, and with them their errors.
    expect(run(edited, { type: "discard" }).errors).toEqual(loaded.errors);
    const fixed = run(
      edited,
      { type: "saveStarted" },
      {
        type: "saveSucceeded",
        settings: { ...defaults(), expiryMinutes: 10 },
        sent: edited.draft,
      },
    );
    expect(fixed.errorsFrom).toBeNull();
    expect(canSave(fixed)).toBe(false);
  });

  it("starts over from a new answer", () => {
    const dirty = run(formFrom({ settings: defaults(), saved: true }), edit("maxAttempts", 9));
    const reloaded = formReducer(dirty, {
      type: "loaded",
      view: { settings: defaults(), saved: true },
    });
    expect(isDirty(reloaded)).toBe(false);
  });
});
