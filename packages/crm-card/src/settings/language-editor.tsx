// One language's e-mail texts: the four parts, going back to otpkit's built-in e-mail, and two
// previews: the e-mail as the draft would send it in that language, and otpkit's own.
import { Button, Flex, Text } from "@hubspot/ui-extensions";
import type { OtpkitApi } from "../api.js";
import { flagAt } from "./draft.js";
import { EmailPreviewPanel } from "./email-preview.js";
import type { FormBinding } from "./fields.js";
import { languageOf } from "./languages.js";
import { TranslationField } from "./translation-field.js";
import type { TranslationPart } from "./translation-rules.js";
import { EXPIRY_PLACEHOLDER, TRANSLATION_PARTS } from "./translation-rules.js";
import { TRANSLATIONS_PATH, translationsIn } from "./translations-draft.js";

/** Props of {@link LanguageEditor}. */
export interface LanguageEditorProps {
  form: FormBinding;
  api: OtpkitApi;
  /** The language, as the draft keys it (`de`, or `DE` when saved so). */
  tag: string;
  /** The previews' pause after an edit, ms. */
  previewDelayMs?: number;
}

const DESCRIPTIONS: Partial<Record<TranslationPart, string>> = {
  body: "The code goes on a line of its own below this text.",
};

/**
 * The editor of one language's texts; test ids `language-editor`, `reset-language`,
 * `language-rtl-note`, and the previews' `language-…` and `builtin-…`.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <LanguageEditor form={binding} api={api} tag="de" />
 * ```
 */
export function LanguageEditor({ form, api, tag, previewDelayMs }: LanguageEditorProps) {
  const language = languageOf(tag);
  const name = language?.name ?? tag;
  const texts = translationsIn(form.draft)[tag] ?? {};
  const own = Object.keys(texts).length > 0;
  const emailOn = flagAt(form.draft, "email.enabled");
  const delay = previewDelayMs === undefined ? {} : { delayMs: previewDelayMs };
  const dir = language?.dir ?? "ltr";
  return (
    <Flex direction="column" gap="small" testId="language-editor">
      <Text>
        {language === undefined
          ? `otpkit has no built-in e-mail in "${tag}": contacts get these texts, so enter at least the subject and the text above the code.`
          : `Contacts whose language is ${name} get otpkit's ${name} e-mail. Write a part here to replace it; leave a part empty to keep otpkit's text.`}{" "}
        {EXPIRY_PLACEHOLDER} is the only placeholder.
      </Text>
      {dir === "rtl" ? (
        <Text variant="microcopy" testId="language-rtl-note">
          {name} is written right to left. HubSpot's text boxes have no direction setting, so the
          text may line up on the left while you type; the preview and the e-mail contacts get read
          right to left.
        </Text>
      ) : null}
      {TRANSLATION_PARTS.map((part) => (
        <TranslationField
          key={part}
          form={form}
          tag={tag}
          part={part}
          languageName={name}
          {...(DESCRIPTIONS[part] ? { description: DESCRIPTIONS[part] } : {})}
        />
      ))}
      <Flex direction="row" gap="small">
        <Button
          testId="reset-language"
          variant="secondary"
          size="sm"
          disabled={!own || form.readOnly}
          onClick={() => form.edit(`${TRANSLATIONS_PATH}.${tag}`, undefined)}
        >
          {language === undefined ? `Remove the texts for ${tag}` : `Use otpkit's ${name} texts`}
        </Button>
      </Flex>
      <EmailPreviewPanel
        api={api}
        draft={form.draft}
        emailOn={emailOn}
        language={{ tag, texts }}
        dir={dir}
        title={own ? `Preview in ${name}, with your texts` : `Preview in ${name}: otpkit's e-mail`}
        idPrefix="language-"
        {...delay}
      />
      {own && language !== undefined ? (
        <EmailPreviewPanel
          api={api}
          draft={form.draft}
          emailOn={emailOn}
          language={{ tag, texts: {} }}
          dir={dir}
          title={`otpkit's built-in ${name} e-mail, for comparison`}
          idPrefix="builtin-"
          {...delay}
        />
      ) : null}
    </Flex>
  );
}
