// WhatsApp: whether workflows send codes by WhatsApp, and the approved template for each message.
import type { FormBinding } from "./fields.js";
import { TextField, ToggleField } from "./fields.js";
import { GroupFrame } from "./group-frame.js";

const TEMPLATE_HINTS = {
  "whatsapp.templates.code": "Authentication template with a copy-code button: the code itself.",
  "whatsapp.templates.retry":
    "Authentication template with a copy-code button: a fresh code after a wrong entry.",
  "whatsapp.templates.lockout":
    "Utility template without parameters: the contact is locked for a while.",
  "whatsapp.templates.unlock": "Utility template without parameters: the lock is over.",
} as const;

/**
 * The WhatsApp group: on/off and the template names (code, retry, lockout, unlock).
 *
 * @throws Never.
 * @example
 * ```tsx
 * <WhatsAppSection form={binding} />
 * ```
 */
export function WhatsAppSection({ form }: { form: FormBinding }) {
  return (
    <GroupFrame
      id="whatsapp"
      errors={form.errors}
      intro="Workflows can send codes to the contact's mobile number by WhatsApp (the otpkit server needs WhatsApp set up). Enter each template name exactly as approved in WhatsApp Manager; leave a name empty to use the server's default."
    >
      <ToggleField form={form} path="whatsapp.enabled" />
      {(Object.keys(TEMPLATE_HINTS) as (keyof typeof TEMPLATE_HINTS)[]).map((path) => (
        <TextField
          key={path}
          form={form}
          path={path}
          emptyIsDefault
          description={TEMPLATE_HINTS[path]}
        />
      ))}
    </GroupFrame>
  );
}
