// The settings form's values as plain JSON, read and changed by dotted path. The draft keeps what
// the server sent as it is: saved settings that no longer validate are shown (and sent back) with
// their wrong values, so the server's field errors point at what the admin sees.

/** The form's values: a JSON object shaped like `PortalSettings` (not checked: the server does). */
export type SettingsDraft = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A draft from what the settings API answered: a deep copy, so edits never touch the answer.
 *
 * @param settings `SettingsView.settings` (or anything: a non-object gives an empty draft).
 * @returns A fresh JSON object.
 * @throws Never.
 * @example
 * ```ts
 * const draft = draftOf(view.settings);
 * ```
 */
export function draftOf(settings: unknown): SettingsDraft {
  return isObject(settings) ? (JSON.parse(JSON.stringify(settings)) as SettingsDraft) : {};
}

/**
 * The value at a dotted path, or undefined where the path leads nowhere.
 *
 * @throws Never.
 * @example
 * ```ts
 * valueAt({ code: { length: 6 } }, "code.length"); // 6
 * ```
 */
export function valueAt(draft: SettingsDraft, path: string): unknown {
  let at: unknown = draft;
  for (const key of path.split(".")) {
    if (!isObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/**
 * A new draft with one value set (or removed, for `undefined`: the server then takes its
 * default). Objects on the way are copied; a missing or non-object one becomes an object.
 *
 * @throws Never.
 * @example
 * ```ts
 * withValue({ email: { enabled: false } }, "email.template.subject", "Your code");
 * // { email: { enabled: false, template: { subject: "Your code" } } }
 * ```
 */
export function withValue(draft: SettingsDraft, path: string, value: unknown): SettingsDraft {
  const [key, ...rest] = path.split(".") as [string, ...string[]];
  const next: Record<string, unknown> = { ...draft };
  if (rest.length === 0) {
    if (value === undefined) delete next[key];
    else next[key] = value;
    return next;
  }
  const inner = next[key];
  next[key] = withValue(isObject(inner) ? inner : {}, rest.join("."), value);
  return next;
}

/**
 * Whether two drafts hold the same settings (key order does not matter).
 *
 * @throws Never.
 * @example
 * ```ts
 * sameSettings({ a: 1, b: { c: 2 } }, { b: { c: 2 }, a: 1 }); // true
 * ```
 */
export function sameSettings(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((v, i) => sameSettings(v, b[i]))
    );
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const ka = keys(a);
  return ka.length === keys(b).length && ka.every((k) => sameSettings(a[k], b[k]));
}

/** The language a preview is for, and the texts of its own to preview it with. */
export interface PreviewLanguage {
  /** The language tag, as `email.translations` is keyed (`de`). */
  tag: string;
  /** Its texts (`{}`: otpkit's built-in e-mail in that language). */
  texts: Readonly<Record<string, unknown>>;
}

/**
 * What the e-mail preview depends on: the code (its sample), the expiry (`{expiry_minutes}`)
 * and the e-mail texts: English's, and with `language` that language's (the server keeps the
 * other languages' saved texts). The server fills in the rest from the saved settings.
 *
 * @throws Never.
 * @example
 * ```ts
 * await api.preview(previewInput(draft));
 * await api.preview(previewInput(draft, { tag: "de", texts: {} }), "de"); // the built-in German
 * ```
 */
export function previewInput(draft: SettingsDraft, language?: PreviewLanguage): SettingsDraft {
  const out: Record<string, unknown> = {};
  for (const key of ["code", "expiryMinutes", "allowLongExpiry"]) {
    if (draft[key] !== undefined) out[key] = draft[key];
  }
  const template = valueAt(draft, "email.template");
  const email: Record<string, unknown> = template === undefined ? {} : { template };
  if (language !== undefined) email["translations"] = { [language.tag]: language.texts };
  if (Object.keys(email).length > 0) out["email"] = email;
  return out;
}

/**
 * A value as an input's text: strings as they are, numbers and booleans spelled out, else "".
 *
 * @throws Never.
 * @example
 * ```ts
 * textAt({ defaultCountry: "US" }, "defaultCountry"); // "US"
 * ```
 */
export function textAt(draft: SettingsDraft, path: string): string {
  const v = valueAt(draft, path);
  if (typeof v === "string") return v;
  return typeof v === "number" || typeof v === "boolean" ? String(v) : "";
}

/**
 * A value as a number input's number (digits in a string count), else undefined.
 *
 * @throws Never.
 * @example
 * ```ts
 * numberAt({ maxAttempts: "3" }, "maxAttempts"); // 3
 * ```
 */
export function numberAt(draft: SettingsDraft, path: string): number | undefined {
  const v = valueAt(draft, path);
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : undefined;
}

/**
 * A value as a switch: on only for `true`.
 *
 * @throws Never.
 * @example
 * ```ts
 * flagAt({ email: { enabled: true } }, "email.enabled"); // true
 * ```
 */
export function flagAt(draft: SettingsDraft, path: string): boolean {
  return valueAt(draft, path) === true;
}
