// Limits: how many wrong entries a code and a contact get, how long a lockout lasts, and the
// country that national phone numbers are read in.
import type { FormBinding } from "./fields.js";
import { NumberField, TextField } from "./fields.js";
import { GroupFrame } from "./group-frame.js";

/**
 * The Limits group: attempts per code, lockout failures and duration, default country. The
 * ranges are the server's: a value outside them comes back as the field's error, naming them.
 *
 * @throws Never.
 * @example
 * ```tsx
 * <LimitsSection form={binding} />
 * ```
 */
export function LimitsSection({ form }: { form: FormBinding }) {
  return (
    <GroupFrame
      id="limits"
      errors={form.errors}
      intro="Strict for guessers, fair to real contacts: wrong entries end a code, and too many lock the contact for a while."
    >
      <NumberField
        form={form}
        path="maxAttempts"
        description="Wrong entries one code allows before it stops working; the contact then needs a new code."
      />
      <NumberField
        form={form}
        path="lockout.maxFailures"
        description="Wrong entries across all of a contact's codes (resends included) before the contact is locked."
      />
      <NumberField
        form={form}
        path="lockout.durationMinutes"
        description="How long the first lock lasts; each further lock doubles it."
      />
      <TextField
        form={form}
        path="defaultCountry"
        required
        description="Two-letter country code (such as US, DE or GB) for phone numbers saved without a country prefix."
      />
    </GroupFrame>
  );
}
