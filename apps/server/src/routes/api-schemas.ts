import * as z from "zod";
import { isAllowedReturnUrl } from "../return-url.js";
import { API_PURPOSE_MAX, API_SUBJECT_MAX, MAX_CODE_INPUT } from "../verification-flow.js";

// What the API takes, as zod schemas checked by the validation middleware (http-validation.ts).
// Every limit comes from the engine's (verification-flow.ts), so what the API takes, the engine
// takes too.

const subject = z.string().trim().min(1).max(API_SUBJECT_MAX);
const purpose = z
  .string()
  .trim()
  .min(1)
  .max(API_PURPOSE_MAX)
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: "letters, digits and _ . : - only" });
const idempotencyKey = z.string().min(1).max(200);

/**
 * `POST /verifications`. A `returnUrl` must be on an origin of `allowlist` (the parsed
 * `RETURN_URL_ALLOWLIST`), checked by the same function the hosted page uses before it redirects.
 *
 * @throws {never}
 * @example
 * api.post("/verifications", jsonBody(startSchema(rt.config.RETURN_URL_ALLOWLIST)), handler);
 */
export function startSchema(allowlist: readonly string[]) {
  return z.strictObject({
    subject,
    purpose: purpose.optional(),
    recipient: z.strictObject({
      email: z.email().max(254).optional(),
      phone: z
        .string()
        .regex(/^\+[1-9]\d{7,14}$/, { error: "use E.164: + and 8 to 15 digits" })
        .optional(),
      name: z.string().max(100).optional(),
      locale: z
        .string()
        .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
          error: "use a BCP 47 tag such as en or es-MX",
        })
        .optional(),
    }),
    channel: z.enum(["email", "whatsapp"]).optional(),
    returnUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .refine((url) => isAllowedReturnUrl(url, allowlist), {
        error: "its origin is not in RETURN_URL_ALLOWLIST",
      })
      .optional(),
    idempotencyKey: idempotencyKey.optional(),
  });
}

/** `POST /verifications/:id/check`: the code as typed, up to {@link MAX_CODE_INPUT} characters. */
export const checkSchema = z.strictObject({
  code: z.string().min(1).max(MAX_CODE_INPUT),
  idempotencyKey: idempotencyKey.optional(),
});

/** `POST /subjects/unlock`. */
export const unlockSchema = z.strictObject({ subject, purpose: purpose.optional() });

/** `GET /audit?subject=…&purpose=…&limit=…` (other parameters are ignored). */
export const auditQuery = z.object({
  subject,
  purpose: purpose.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
