/**
 * Whether `url` may be used as a verification's return URL: an absolute `http:` or `https:` URL
 * whose origin is in `allowlist` (the parsed `RETURN_URL_ALLOWLIST`, stored as origins without a
 * trailing slash). The API checks it when a verification is created and the hosted page checks it
 * again before it links or redirects there, so one list decides both.
 *
 * Why origins and not prefixes: a prefix check (`startsWith`) lets
 * `https://app.example.com.evil.test` through for `https://app.example.com`; comparing the parsed
 * origin cannot be fooled by what follows the host. Anything that does not parse (or uses another
 * scheme, such as `javascript:`) is refused instead of throwing, so a bad stored value can never
 * turn into an open redirect or a 500.
 *
 * @param url The candidate URL, as the client sent it.
 * @param allowlist Allowed origins, e.g. `["https://app.example.com"]`.
 * @returns `true` when the URL parses, is http(s) and its origin is listed.
 * @throws {never}
 * @example
 * isAllowedReturnUrl("https://app.example.com/done?x=1", ["https://app.example.com"]); // true
 * isAllowedReturnUrl("https://app.example.com.evil.test/", ["https://app.example.com"]); // false
 */
export function isAllowedReturnUrl(url: string, allowlist: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  return allowlist.includes(parsed.origin);
}
