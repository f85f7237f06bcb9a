// E-mail: whether otpkit sends codes by e-mail, the texts of that e-mail, and its live preview.
import { Text } from "@hubspot/ui-extensions";
import type { OtpkitApi } from "../api.js";
import { flagAt } from "./draft.js";
import { EmailPreviewPanel } from "./email-preview.js";
import type { FormBinding } from "./fields.js";
import { TextAreaField, TextField, ToggleField } from "./fields.js";
import { GroupFrame } from "./group-frame.js";

/** Props of {@link EmailSection}. */
export interface EmailSectionProps {
  form: FormBinding;
  api: OtpkitApi;
  /** The preview's pause after an edit, ms. */
  previewDelayMs?: number;
}

/**
 * The E-mail group: on/off, subject, greeting, text above the code, footer, and the preview.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <EmailSection form={binding} api={api} />
 * ```
 */
export function EmailSection({ form, api, previewDelayMs }: EmailSectionProps) {
  return (
    <GroupFrame
      id="email"
      errors={form.errors}
      intro="otpkit can e-mail each new code to the contact. Off: the contact card offers Regenerate Code instead, and you send the code your own way (for example with the contact property below)."
    >
      <ToggleField form={form} path="email.enabled" />
      <TextField form={form} path="email.template.subject" required />
      <TextField form={form} path="email.template.greeting" />
      <TextAreaField form={form} path="email.template.body" required />
      <TextAreaField form={form} path="email.template.footer" />
      <Text variant="microcopy" testId="email-placeholder-note">
        Write {"{expiry_minutes}"} where the number of minutes the code works should appear; it is
        the only placeholder, and any other {"{…}"} is refused. The code goes on a line of its own
        below the text above the code.
      </Text>
      <EmailPreviewPanel
        api={api}
        draft={form.draft}
        emailOn={flagAt(form.draft, "email.enabled")}
        {...(previewDelayMs === undefined ? {} : { delayMs: previewDelayMs })}
      />
    </GroupFrame>
  );
}
