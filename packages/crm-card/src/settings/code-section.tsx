// Code: what a code looks like, how long it lives, and how the app keeps it (which decides
// whether the contact card can show it again).
import { ToggleGroup } from "@hubspot/ui-extensions";
import type { SettingsChoices } from "../wire.js";
import { textAt } from "./draft.js";
import type { FieldOption, FormBinding } from "./fields.js";
import { CheckboxField, fieldTestId, SelectField } from "./fields.js";
import { GroupFrame } from "./group-frame.js";
import { FIELD_LABELS } from "./settings-fields.js";

// Words for the code types the server offers; a type without words here shows by its name.
const TYPE_LABELS: Readonly<Record<string, string>> = {
  numeric: "Numeric: digits only (482951)",
  alphanumeric: "Alphanumeric: capital letters and digits, without I, O, 0 and 1 (A7K3M2)",
  alpha: "Alpha only: capital letters, without I and O (JKRFMN)",
};

const STORAGE_OPTIONS = [
  {
    value: "hash",
    label: "Fingerprint only (hash)",
    description:
      "The app keeps only a fingerprint of each code. The contact card shows a code once, right after it is generated, and never again.",
  },
  {
    value: "encrypted",
    label: "Encrypted",
    description:
      "The app keeps each code encrypted until it is used or expires, so the contact card can show the active code again to your team.",
  },
];

/** Props of {@link CodeSection}. */
export interface CodeSectionProps {
  form: FormBinding;
  choices: SettingsChoices;
}

/**
 * The Code group: type, length, weak codes, expiry, longer expiry, storage.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <CodeSection form={binding} choices={view.choices} />
 * ```
 */
export function CodeSection({ form, choices }: CodeSectionProps) {
  const types: FieldOption[] = choices.codeTypes.map((t) => ({
    value: t,
    label: TYPE_LABELS[t] ?? t,
  }));
  const lengths: FieldOption[] = choices.codeLengths.map((n) => ({
    value: n,
    label: `${n} characters`,
  }));
  const expiries: FieldOption[] = choices.expiryMinutes.map((n) => ({
    value: n,
    label: `${n} minutes`,
  }));
  const storageError = form.errors["storage"];
  return (
    <GroupFrame
      id="code"
      errors={form.errors}
      intro="What each code looks like and how long it works. The contact card and the workflow actions both use these."
    >
      <SelectField form={form} path="code.type" options={types} />
      <SelectField
        form={form}
        path="code.length"
        options={lengths}
        description="Longer codes are safer but harder to type; 6 is the most common."
      />
      <CheckboxField
        form={form}
        path="code.allowWeak"
        description="Short codes (such as 4 digits) are easy to guess, so the app refuses them unless you turn this on and accept the risk."
      />
      <SelectField
        form={form}
        path="expiryMinutes"
        options={expiries}
        description="After this a code no longer works and the contact needs a new one."
      />
      <CheckboxField
        form={form}
        path="allowLongExpiry"
        description="Codes sent by e-mail or message should expire quickly (NIST SP 800-63B-4, OWASP ASVS 5.0). Turn this on to choose a longer expiry knowingly."
      />
      <ToggleGroup
        toggleType="radioButtonList"
        name="storage"
        label={FIELD_LABELS.storage}
        testId={fieldTestId("storage")}
        options={STORAGE_OPTIONS.map((o) => ({ ...o, readOnly: form.readOnly }))}
        value={textAt(form.draft, "storage")}
        required
        {...(storageError === undefined ? {} : { error: true, validationMessage: storageError })}
        onChange={(value) => form.edit("storage", value)}
      />
    </GroupFrame>
  );
}
