// The page's table of settings: each field's label and group, in the page's order. Labels are the
// page's own words; the values a field may take come from the server (`choices`, field errors).
import type { PortalSettings } from "../wire.js";

// Keyed records (`email.translations`: language → texts) have no fixed leaves: they are left
// out here and edited by their own section (translation-texts.ts names their paths).
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]-?: string extends K
    ? never
    : NonNullable<T[K]> extends object
      ? Leaves<NonNullable<T[K]>, `${P}${K}.`>
      : `${P}${K}`;
}[keyof T & string];

/**
 * A setting's dotted path, as the settings API's `fieldErrors` name it (`email.template.body`);
 * the per-language texts' paths are `TranslationPath`s.
 */
export type SettingsPath = Leaves<PortalSettings>;

/** One group of the page. */
export interface SettingsGroup {
  id: "code" | "limits" | "email" | "languages" | "whatsapp" | "property";
  title: string;
  /** Its fields, in the page's order. */
  fields: readonly SettingsPath[];
  /** Paths the API may name for the group as a whole (a section that is not an object). */
  sections: readonly string[];
}

/**
 * Every setting's label (the type lists every path of {@link PortalSettings}, so a new setting
 * without a label does not compile).
 *
 * @throws Never.
 * @example
 * ```ts
 * FIELD_LABELS["email.template.body"]; // "Text above the code"
 * ```
 */
export const FIELD_LABELS: Readonly<Record<SettingsPath, string>> = Object.freeze({
  "code.type": "Code type",
  "code.length": "Code length",
  "code.allowWeak": "Allow weak codes",
  expiryMinutes: "Code expires after",
  allowLongExpiry: "Allow longer expiry",
  storage: "How codes are kept",
  maxAttempts: "Wrong entries allowed per code",
  "lockout.maxFailures": "Wrong entries before a lockout",
  "lockout.durationMinutes": "Lockout duration (minutes)",
  defaultCountry: "Default country for phone numbers",
  "email.enabled": "Send codes by e-mail",
  "email.template.subject": "Subject",
  "email.template.greeting": "Greeting",
  "email.template.body": "Text above the code",
  "email.template.footer": "Footer",
  "whatsapp.enabled": "Send codes by WhatsApp",
  "whatsapp.templates.code": "Code template",
  "whatsapp.templates.retry": "Retry template",
  "whatsapp.templates.lockout": "Lockout template",
  "whatsapp.templates.unlock": "Unlock template",
  "propertyStorage.enabled": "Copy the code to a contact property",
  "propertyStorage.property": "Contact property",
});

/**
 * The page's groups, in order; together their fields are every {@link SettingsPath} once
 * (a unit test holds that).
 *
 * @throws Never.
 * @example
 * ```ts
 * SETTINGS_GROUPS.find((g) => g.fields.includes("defaultCountry"))?.title; // "Limits"
 * ```
 */
export const SETTINGS_GROUPS: readonly SettingsGroup[] = Object.freeze([
  {
    id: "code",
    title: "Code",
    fields: [
      "code.type",
      "code.length",
      "code.allowWeak",
      "expiryMinutes",
      "allowLongExpiry",
      "storage",
    ],
    sections: ["code"],
  },
  {
    id: "limits",
    title: "Limits",
    fields: ["maxAttempts", "lockout.maxFailures", "lockout.durationMinutes", "defaultCountry"],
    sections: ["lockout"],
  },
  {
    id: "email",
    title: "E-mail",
    fields: [
      "email.enabled",
      "email.template.subject",
      "email.template.greeting",
      "email.template.body",
      "email.template.footer",
    ],
    sections: ["email", "email.template"],
  },
  {
    // Its fields are per language (`email.translations.de.subject`), not fixed paths.
    id: "languages",
    title: "Texts by language",
    fields: [],
    sections: ["email.translations"],
  },
  {
    id: "whatsapp",
    title: "WhatsApp",
    fields: [
      "whatsapp.enabled",
      "whatsapp.templates.code",
      "whatsapp.templates.retry",
      "whatsapp.templates.lockout",
      "whatsapp.templates.unlock",
    ],
    sections: ["whatsapp", "whatsapp.templates"],
  },
  {
    id: "property",
    title: "CRM property",
    fields: ["propertyStorage.enabled", "propertyStorage.property"],
    sections: ["propertyStorage"],
  },
] satisfies SettingsGroup[]);

/**
 * The group a path belongs to: a field's, or the group a section path (`email.template`) names.
 *
 * @param path A dotted path from the API.
 * @returns The group, or undefined for `""` (the whole form) and unknown paths.
 * @throws Never.
 * @example
 * ```ts
 * groupOf("email.template")?.id; // "email"
 * ```
 */
export function groupOf(path: string): SettingsGroup | undefined {
  return SETTINGS_GROUPS.find(
    (g) => (g.fields as readonly string[]).includes(path) || g.sections.includes(path),
  );
}

/**
 * Whether a path names a field of the page (not a section, not the whole form).
 *
 * @throws Never.
 * @example
 * ```ts
 * isSettingsPath("code.length"); // true
 * isSettingsPath("code"); // false
 * ```
 */
export function isSettingsPath(path: string): path is SettingsPath {
  return Object.hasOwn(FIELD_LABELS, path);
}
