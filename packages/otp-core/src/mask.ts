/**
 * Masks an e-mail address for display: keeps the first character of the local part and the
 * domain, so a person recognises their address and an onlooker learns little.
 *
 * @example
 * ```ts
 * maskEmail("jane.doe@example.com"); // "j***@example.com"
 * ```
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

/**
 * Masks a phone number for display: only the last two digits stay (`"We sent a code to ***78"`).
 *
 * @example
 * ```ts
 * maskPhone("+34 600 123 478"); // "***78"
 * ```
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.length < 4 ? "***" : `***${digits.slice(-2)}`;
}

/**
 * Masks either kind of destination: an address with `@` as e-mail, anything else as a phone.
 *
 * @example
 * ```ts
 * maskDestination("+15550100078"); // "***78"
 * maskDestination("ana@example.org"); // "a***@example.org"
 * ```
 */
export function maskDestination(destination: string): string {
  return destination.includes("@") ? maskEmail(destination) : maskPhone(destination);
}
