// The live preview: the e-mail as the draft would send it, asked of the server once the admin
// pauses (every keystroke would be a request), with answers to older drafts dropped.
import { useDebounce } from "@hubspot/ui-extensions";
import { useEffect, useState } from "react";
import type { ApiFailure, OtpkitApi } from "../api.js";
import type { EmailPreview, PortalSettings } from "../wire.js";
import type { PreviewLanguage, SettingsDraft } from "./draft.js";
import { previewInput } from "./draft.js";

/** The preview's state. */
export type PreviewState =
  | { status: "loading" }
  | { status: "ready"; email: EmailPreview }
  | { status: "failed"; failure: ApiFailure };

/** The preview, and whether it is behind the draft (the admin is typing, or it is on its way). */
export type EmailPreviewState = PreviewState & { updating: boolean };

/**
 * How long the admin pauses before the preview is asked for, ms.
 *
 * @example
 * ```tsx
 * <EmailPreviewPanel api={api} draft={draft} emailOn delayMs={PREVIEW_DELAY_MS} />
 * ```
 */
export const PREVIEW_DELAY_MS = 400;

/**
 * The e-mail the draft would send, with a sample code, kept up to date as the draft changes.
 *
 * @param api The otpkit API (`preview`).
 * @param draft The form's values; only the code, expiry and e-mail texts matter.
 * @param delayMs The pause before asking, ms.
 * @param language Preview this language's e-mail with these texts of its own (default: English,
 *   with the draft's `email.template`).
 * @returns The latest preview or why there is none, and whether a newer one is coming.
 * @throws Never: failures are states.
 * @example
 * ```tsx
 * const preview = useEmailPreview(api, form.draft);
 * if (preview.status === "ready") show(preview.email.subject);
 * ```
 */
export function useEmailPreview(
  api: OtpkitApi,
  draft: SettingsDraft,
  delayMs: number = PREVIEW_DELAY_MS,
  language?: PreviewLanguage,
): EmailPreviewState {
  // The language tag travels with the input, so a new language is a new request.
  const wanted = JSON.stringify({ input: previewInput(draft, language), locale: language?.tag });
  const settled = useDebounce(wanted, delayMs);
  const [state, setState] = useState<PreviewState>({ status: "loading" });
  const [shown, setShown] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const { input, locale } = JSON.parse(settled) as {
      input: Partial<PortalSettings>;
      locale?: string;
    };
    void api.preview(input, locale).then((answer) => {
      if (!live) return;
      setState(
        answer.ok ? { status: "ready", email: answer.data } : { status: "failed", failure: answer },
      );
      setShown(settled);
    });
    return () => {
      live = false;
    };
  }, [api, settled]);

  return { ...state, updating: shown !== wanted };
}
