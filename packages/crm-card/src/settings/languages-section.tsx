// Texts by language: which languages have e-mail texts of their own, a picker of every language
// otpkit writes e-mails in, and the chosen language's editor (email.translations).
import { Select } from "@hubspot/ui-extensions";
import { useState } from "react";
import type { OtpkitApi } from "../api.js";
import type { SettingsDraft } from "./draft.js";
import type { FieldErrors } from "./field-errors.js";
import type { FieldOption, FormBinding } from "./fields.js";
import { GroupFrame } from "./group-frame.js";
import { LanguageEditor } from "./language-editor.js";
import { LanguageOverview } from "./language-overview.js";
import { languageName, languageOf, OTP_EMAIL_LANGUAGES } from "./languages.js";
import {
  draftKey,
  languagesWithTexts,
  parseTranslationPath,
  translationProblems,
} from "./translations-draft.js";

/** Props of {@link LanguagesSection}. */
export interface LanguagesSectionProps {
  form: FormBinding;
  api: OtpkitApi;
  /** The previews' pause after an edit, ms. */
  previewDelayMs?: number;
}

/**
 * The picker's options: every built-in language but English (its texts are the E-mail group's),
 * then any other language the draft has texts for; "· your texts" marks those with texts.
 *
 * @throws Never.
 * @example
 * ```ts
 * languageOptions(draft)[0]; // { value: "af", label: "Afrikaans" }
 * ```
 */
export function languageOptions(draft: SettingsDraft): FieldOption[] {
  const own = languagesWithTexts(draft);
  const owned = new Set(own.map((t) => t.toLowerCase()));
  const tags = [
    ...OTP_EMAIL_LANGUAGES.map((l) => l.tag).filter((t) => t !== "en"),
    ...own.filter((t) => languageOf(t) === undefined),
  ];
  return tags.map((tag) => ({
    value: tag,
    label: `${languageName(tag)}${owned.has(tag.toLowerCase()) ? " · your texts" : ""}`,
  }));
}

/** The languages (as the draft keys them) with a text the page or the server refuses. */
function troubledLanguages(draft: SettingsDraft, errors: FieldErrors): Set<string> {
  const paths = [...Object.keys(translationProblems(draft)), ...Object.keys(errors)];
  const tags = paths.map((p) => parseTranslationPath(p)?.tag);
  return new Set(tags.filter((t): t is string => t !== undefined));
}

/**
 * The Texts by language group; test id `translation-language` for the picker.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <LanguagesSection form={binding} api={api} />
 * ```
 */
export function LanguagesSection({ form, api, previewDelayMs }: LanguagesSectionProps) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const options = languageOptions(form.draft);
  // The picker shows the built-in tag (`de`) for a language the draft keys `DE`.
  const selected = chosen === undefined ? undefined : (languageOf(chosen)?.tag ?? chosen);
  return (
    <GroupFrame
      id="languages"
      errors={form.errors}
      intro="Contacts get their code e-mail in their own language (the contact's Preferred language in HubSpot) when otpkit has an e-mail in it, and in English (the texts above) otherwise. Choose a language to see otpkit's e-mail in it and replace any part with your own text."
    >
      <LanguageOverview
        tags={languagesWithTexts(form.draft)}
        troubled={troubledLanguages(form.draft, form.errors)}
        onPick={setChosen}
      />
      <Select
        name="translation-language"
        label="Language"
        testId="translation-language"
        placeholder="Choose a language"
        options={options}
        {...(selected === undefined ? {} : { value: selected })}
        onChange={(value) => setChosen(String(value))}
      />
      {selected === undefined ? null : (
        <LanguageEditor
          key={selected}
          form={form}
          api={api}
          tag={draftKey(form.draft, selected)}
          {...(previewDelayMs === undefined ? {} : { previewDelayMs })}
        />
      )}
    </GroupFrame>
  );
}
