import { domainToASCII } from "node:url";

/** A validated mailbox: a plain ASCII addr-spec and, for the sender, an optional display name. */
export interface Mailbox {
  /** The address, `local@domain`, domain in ASCII (punycode for IDNs). */
  address: string;
  /** Display name, without quotes; only for the sender. */
  name?: string;
}

// RFC 5321/5322 dot-atom local part, ASCII only. Quoted local parts ("a,b"@x) are refused on
// purpose: they are legal but almost never real, and they are how `"victim@x, evil"@y` tricks
// route a message to another domain.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
// Letters, or an IDN A-label, for the top-level domain: rules out numeric "domains" (1.2.3.4).
const TOP_LABEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/** True when `value` contains a C0/C1 control character, DEL, or a Unicode line/paragraph separator. */
export function hasControlCharacters(value: string): boolean {
  // CR and LF are what header injection needs; the other controls (NUL, TAB, VT, FF, DEL, C1)
  // and U+2028/U+2029 have no business in a name or an address and some MTAs treat them oddly.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value);
}

/**
 * Validates one e-mail address and returns it with its domain in ASCII, or `undefined`.
 *
 * Accepts exactly one plain addr-spec (`local@domain`): no display name, no angle brackets, no
 * comments, no list separators, no quoted local part, no IP-literal domain, no whitespace, no
 * control characters. This is stricter than RFC 5322 on purpose: every form refused here is
 * one that address parsers disagree on, and disagreement is how a message reaches a second
 * recipient.
 */
export function normalizeAddress(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > 254) return undefined;
  if (hasControlCharacters(value)) return undefined;
  const at = value.indexOf("@");
  // Exactly one "@": a second one only exists in quoted local parts, which are refused.
  if (at <= 0 || at !== value.lastIndexOf("@")) return undefined;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return undefined;
  if (domain.length === 0 || /[\s,;<>()[\]"\\:]/.test(domain)) return undefined;
  // IDNs are converted to their A-label form; `domainToASCII` returns "" for invalid input.
  const ascii = /^[\x21-\x7e]+$/.test(domain) ? domain : domainToASCII(domain);
  if (ascii === "" || ascii.length > 253) return undefined;
  const labels = ascii.split(".");
  if (labels.length < 2) return undefined;
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return undefined;
  if (!TOP_LABEL.test(labels.at(-1) ?? "")) return undefined;
  return `${local}@${ascii.toLowerCase()}`;
}

/**
 * Parses the sender: `"addr@x"`, `"Name <addr@x>"`, `"\"Name\" <addr@x>"` or `{ name?, address }`.
 * Returns `undefined` when it is not exactly one valid mailbox.
 */
export function parseMailbox(value: unknown): Mailbox | undefined {
  if (typeof value === "object" && value !== null) {
    const { name, address } = value as { name?: unknown; address?: unknown };
    const normalized = normalizeAddress(address);
    if (normalized === undefined) return undefined;
    if (name === undefined || name === "") return { address: normalized };
    if (!isSafeDisplayName(name)) return undefined;
    return { address: normalized, name: name.trim() };
  }
  if (typeof value !== "string") return undefined;
  if (hasControlCharacters(value)) return undefined;
  const match = /^\s*(?:"([^"\\]*)"|([^"<>]*?))\s*<([^<>]+)>\s*$/.exec(value);
  if (match === null) {
    const normalized = normalizeAddress(value.trim());
    return normalized === undefined ? undefined : { address: normalized };
  }
  const name = (match[1] ?? match[2] ?? "").trim();
  const normalized = normalizeAddress(match[3]);
  if (normalized === undefined) return undefined;
  if (name === "") return { address: normalized };
  if (!isSafeDisplayName(name)) return undefined;
  return { address: normalized, name };
}

// nodemailer quotes and encodes display names itself (so "Acme, Inc." is fine); refusing "@",
// "<", ">", quotes and backslashes keeps a name from looking like a second address to a human
// reader or to a sloppy parser downstream.
const NOT_IN_A_NAME = /[<>@"\\]/;
const MAX_NAME_LENGTH = 128;

function isSafeDisplayName(name: unknown): name is string {
  return (
    typeof name === "string" &&
    name.length <= MAX_NAME_LENGTH &&
    !hasControlCharacters(name) &&
    !NOT_IN_A_NAME.test(name)
  );
}

/**
 * A sender's display name made from any text (a product name, say): the characters a display
 * name may not hold (`< > @ " \`, control characters, line separators) become spaces, runs of
 * spaces one, and it is cut to 128 characters. What it returns, `from` accepts as `name`.
 *
 * @param text Any text.
 * @returns The name, or `undefined` when nothing is left (then send without a name).
 * @throws Never.
 * @example
 * ```ts
 * displayNameFrom("Acme <Support>"); // "Acme Support"
 * displayNameFrom("<@>"); // undefined
 * ```
 */
export function displayNameFrom(text: string): string | undefined {
  const name = [...text]
    .map((c) => (NOT_IN_A_NAME.test(c) || hasControlCharacters(c) ? " " : c))
    .join("")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_NAME_LENGTH)
    .trim();
  return name === "" ? undefined : name;
}

/** The domain part of an address. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}
