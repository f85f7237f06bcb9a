// The settings page's data: load the saved settings, keep the form (form-state.ts), save it.
import type { AddAlertAction } from "@hubspot/ui-extensions";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiFailure, OtpkitApi } from "../api.js";
import type { PortalSettings, SettingsChoices } from "../wire.js";
import type { FormAction, FormState } from "./form-state.js";
import { canSave, formFrom, formReducer } from "./form-state.js";
import { translationProblems } from "./translations-draft.js";

/** Where loading the settings stands. */
export type SettingsLoad =
  | { status: "loading" }
  | { status: "failed"; failure: ApiFailure }
  | { status: "ready"; choices: SettingsChoices };

/** What {@link useSettingsForm} gives the page. */
export interface SettingsForm {
  load: SettingsLoad;
  form: FormState;
  /** Loads the saved settings again (after a failure: the retry). */
  reload(): Promise<void>;
  /** Sets one value by dotted path (`undefined` removes it: the server's default applies). */
  edit(path: string, value: unknown): void;
  /** Back to the saved settings. */
  discard(): void;
  /**
   * Sends the whole form; the outcome lands in `form` and as a HubSpot alert. A language's text
   * the server would refuse stops it before sending, shown as a refused save.
   */
  save(): Promise<void>;
}

const EMPTY = formFrom({ settings: {} as PortalSettings, saved: false });
// A save the page stops itself: shaped as the server's 422, so it is shown the same way.
const LOCAL_REFUSAL = {
  ok: false,
  status: 422,
  code: "SETTINGS_INVALID",
  message: "Some settings need fixing",
} as const;

/**
 * Loads, edits and saves the portal's settings through the settings API.
 *
 * @param api The otpkit API (`getSettings`, `saveSettings`).
 * @param addAlert HubSpot's `actions.addAlert`: the outcome of each save.
 * @returns The load state, the form and its actions.
 * @throws Never: failures are states.
 * @example
 * ```tsx
 * const { load, form, edit, save } = useSettingsForm(api, actions.addAlert);
 * ```
 */
export function useSettingsForm(api: OtpkitApi, addAlert: AddAlertAction): SettingsForm {
  const [load, setLoad] = useState<SettingsLoad>({ status: "loading" });
  const [form, setForm] = useState(EMPTY);
  // The form as of the last action, not the last render: HubSpot may deliver an input's
  // onChange and the form's onSubmit together, and the save must send that last value.
  const latest = useRef(form);
  const dispatch = useCallback((action: FormAction) => {
    latest.current = formReducer(latest.current, action);
    setForm(latest.current);
  }, []);
  const saving = useRef(false);
  const loads = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++loads.current;
    setLoad({ status: "loading" });
    const answer = await api.getSettings();
    if (mine !== loads.current) return; // a newer load (or the page closed) took over
    if (!answer.ok) {
      setLoad({ status: "failed", failure: answer });
      return;
    }
    dispatch({ type: "loaded", view: answer.data });
    setLoad({ status: "ready", choices: answer.data.choices });
  }, [api, dispatch]);

  useEffect(() => {
    void reload();
    return () => {
      loads.current++;
    };
  }, [reload]);

  const refused = useCallback(
    (failure: ApiFailure) => {
      dispatch({ type: "saveFailed", failure });
      const fields = Object.keys(failure.fieldErrors ?? {}).length;
      addAlert({
        type: "danger",
        title: "Settings not saved",
        message:
          fields === 0
            ? failure.message
            : `${fields === 1 ? "One setting needs" : `${fields} settings need`} fixing: see the messages next to the fields.`,
      });
    },
    [addAlert, dispatch],
  );

  const save = useCallback(async () => {
    if (saving.current || !canSave(latest.current)) return;
    const sent = latest.current.draft;
    // The languages' texts are checked here with the server's rule and words, so a text the
    // server would refuse never leaves the page: the same outcome as the server's 422.
    const problems = translationProblems(sent);
    if (Object.keys(problems).length > 0) {
      refused({ ...LOCAL_REFUSAL, fieldErrors: problems });
      return;
    }
    saving.current = true;
    dispatch({ type: "saveStarted" });
    // The whole form, as it is: the server checks every field and answers 422 with what to
    // fix, also for saved values that no longer validate (which is why no type is claimed here).
    const answer = await api.saveSettings(sent as unknown as PortalSettings);
    saving.current = false;
    if (answer.ok) {
      dispatch({ type: "saveSucceeded", settings: answer.data.settings, sent });
      addAlert({
        type: "success",
        title: "Settings saved",
        message: "New codes, the card and the workflow actions use these settings from now on.",
      });
      return;
    }
    refused(answer);
  }, [api, addAlert, dispatch, refused]);

  const edit = useCallback(
    (path: string, value: unknown) => dispatch({ type: "edit", path, value }),
    [dispatch],
  );
  const discard = useCallback(() => dispatch({ type: "discard" }), [dispatch]);

  return { load, form, reload, edit, discard, save };
}
