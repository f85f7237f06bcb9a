// The settings form as a pure state machine: what was saved, what the admin is editing, the
// errors on screen and where they came from, and the save in flight. The page's hook only
// dispatches; every rule about dirtiness, errors and saving lives here.
import type { ApiFailure } from "../api.js";
import type { PortalSettings, SettingsView } from "../wire.js";
import type { SettingsDraft } from "./draft.js";
import { draftOf, sameSettings, withValue } from "./draft.js";
import type { FieldErrors } from "./field-errors.js";
import { withoutError } from "./field-errors.js";

/** The form's state. */
export interface FormState {
  /** The settings as saved (or the defaults, before the first save). */
  saved: SettingsDraft;
  /** The settings as on screen. */
  draft: SettingsDraft;
  /** Whether the portal ever saved (false: the defaults are shown). */
  everSaved: boolean;
  /** Field errors on screen. */
  errors: FieldErrors;
  /** The saved settings' own errors (the GET's `fieldErrors`): they stay until a save succeeds. */
  savedErrors: FieldErrors;
  /**
   * `saved`: the saved settings no longer validate (the GET said so); `save`: the last save was
   * refused; null: no errors.
   */
  errorsFrom: "saved" | "save" | null;
  saving: boolean;
  /** The last save failed for another reason than the values (network, sign-in, server). */
  failure: ApiFailure | null;
}

/** What can happen to the form. */
export type FormAction =
  | { type: "loaded"; view: Pick<SettingsView, "settings" | "saved" | "fieldErrors"> }
  | { type: "edit"; path: string; value: unknown }
  | { type: "discard" }
  | { type: "saveStarted" }
  | { type: "saveSucceeded"; settings: PortalSettings; sent: SettingsDraft }
  | { type: "saveFailed"; failure: ApiFailure };

/**
 * The form as the settings API's GET answered it.
 *
 * @param view `{ settings, saved, fieldErrors? }`.
 * @returns A form with nothing edited.
 * @throws Never.
 * @example
 * ```ts
 * const [form, dispatch] = useReducer(formReducer, view, formFrom);
 * ```
 */
export function formFrom(
  view: Pick<SettingsView, "settings" | "saved" | "fieldErrors">,
): FormState {
  const errors = view.fieldErrors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  return {
    saved: draftOf(view.settings),
    draft: draftOf(view.settings),
    everSaved: view.saved,
    errors,
    savedErrors: errors,
    errorsFrom: hasErrors ? "saved" : null,
    saving: false,
    failure: null,
  };
}

/**
 * The next form state.
 *
 * - `loaded` starts over from a GET's answer.
 * - `edit` sets one value and drops that field's error (it is being fixed).
 * - `discard` goes back to the saved settings and their own errors (a GET's); a refused
 *   save's errors go.
 * - `saveSucceeded` takes the server's settings as saved; edits made while saving are kept.
 * - `saveFailed` with field errors shows them (the values are wrong); otherwise keeps the draft
 *   and records the failure.
 *
 * @throws Never.
 * @example
 * ```ts
 * formReducer(form, { type: "edit", path: "code.length", value: 8 });
 * ```
 */
export function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case "loaded":
      return formFrom(action.view);
    case "edit":
      return {
        ...state,
        draft: withValue(state.draft, action.path, action.value),
        errors: withoutError(state.errors, action.path),
      };
    case "discard":
      return {
        ...state,
        draft: state.saved,
        errors: state.savedErrors,
        errorsFrom: Object.keys(state.savedErrors).length > 0 ? "saved" : null,
        failure: null,
      };
    case "saveStarted":
      return { ...state, saving: true, failure: null };
    case "saveSucceeded": {
      const saved = draftOf(action.settings);
      return {
        saved,
        draft: sameSettings(state.draft, action.sent) ? saved : state.draft,
        everSaved: true,
        errors: {},
        savedErrors: {},
        errorsFrom: null,
        saving: false,
        failure: null,
      };
    }
    case "saveFailed": {
      const fieldErrors = action.failure.fieldErrors ?? {};
      if (Object.keys(fieldErrors).length > 0) {
        return { ...state, saving: false, errors: fieldErrors, errorsFrom: "save", failure: null };
      }
      return { ...state, saving: false, failure: action.failure };
    }
  }
}

/**
 * Whether the draft differs from the saved settings.
 *
 * @throws Never.
 * @example
 * ```ts
 * isDirty(formReducer(form, { type: "edit", path: "maxAttempts", value: 5 })); // true (was 3)
 * ```
 */
export function isDirty(state: FormState): boolean {
  return !sameSettings(state.saved, state.draft);
}

/**
 * Whether Save does something: there are changes, or the defaults were never saved, or the
 * saved settings need fixing.
 *
 * @throws Never.
 * @example
 * ```ts
 * canSave(formFrom({ settings, saved: false })); // true: save the defaults
 * ```
 */
export function canSave(state: FormState): boolean {
  const needsFixing = Object.keys(state.savedErrors).length > 0;
  return !state.saving && (isDirty(state) || !state.everSaved || needsFixing);
}
