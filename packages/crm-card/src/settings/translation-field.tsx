// One part of one language's e-mail texts (subject, greeting, text above the code, footer): empty
// keeps otpkit's built-in text; a text the server would refuse is named at the field as it is
// typed, else the server's own error for it is shown.
import { Input, TextArea } from "@hubspot/ui-extensions";
import type { FormBinding } from "./fields.js";
import { errorProps, fieldTestId } from "./fields.js";
import { FIELD_LABELS } from "./settings-fields.js";
import type { TranslationPart } from "./translation-rules.js";
import { isMultiLine, textProblem } from "./translation-rules.js";
import { translationEdit, translationPath, translationsIn } from "./translations-draft.js";

/** Props of {@link TranslationField}. */
export interface TranslationFieldProps {
  form: FormBinding;
  /** The language, as the draft keys it. */
  tag: string;
  part: TranslationPart;
  /** The language's name in the placeholder ("German"). */
  languageName: string;
  description?: string;
}

/**
 * A language's text for one part; test id `setting-email.translations.<tag>.<part>`.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <TranslationField form={binding} tag="de" part="subject" languageName="German" />
 * ```
 */
export function TranslationField({
  form,
  tag,
  part,
  languageName,
  description,
}: TranslationFieldProps) {
  const path = translationPath(tag, part);
  const texts = translationsIn(form.draft)[tag] ?? {};
  const given = texts[part];
  // Checked as typed; the server's message (from the last save) when the page sees no problem.
  const message = (given === undefined ? undefined : textProblem(part, given)) ?? form.errors[path];
  const set = (text: string) => {
    const edit = translationEdit(form.draft, tag, part, text);
    form.edit(edit.path, edit.value);
  };
  const common = {
    name: path,
    label: FIELD_LABELS[`email.template.${part}`],
    testId: fieldTestId(path),
    value: given ?? "",
    placeholder: `Empty: otpkit's ${languageName} text`,
    readOnly: form.readOnly,
    ...(description ? { description } : {}),
    ...errorProps(message),
    onInput: set,
    onChange: set,
  };
  return isMultiLine(part) ? (
    <TextArea {...common} rows={part === "body" ? 4 : 3} resize="vertical" />
  ) : (
    <Input {...common} />
  );
}
