import { parsePhone } from "@otpkit/hubspot-adapter";
import { maskEmail, maskPhone } from "@otpkit/otp-core";
import type { DirectoryRecord } from "./directory.js";
import type { ResolvedOptions } from "./options.js";

/**
 * The channel, the recipient and the masked destination for a record, or `null` when it has neither.
 * A phone that does not parse (with the default country) counts as none: the e-mail is used.
 */
export function routeOf(record: DirectoryRecord, o: ResolvedOptions) {
  const parsed =
    record.phone === undefined ? undefined : parsePhone(record.phone, o.defaultCountry);
  const phone = parsed?.ok ? parsed.e164 : undefined;
  const email = record.email?.includes("@") ? record.email : undefined;
  const channel =
    phone && email ? o.channelPreference : phone ? "whatsapp" : email ? "email" : null;
  if (channel === "whatsapp" && phone)
    return { channel, recipient: { phone }, destination: maskPhone(phone) };
  if (channel === "email" && email)
    return { channel, recipient: { email }, destination: maskEmail(email) };
  return null;
}

export function minutes(ms: number): number {
  return Math.max(1, Math.round(ms / 60_000));
}
