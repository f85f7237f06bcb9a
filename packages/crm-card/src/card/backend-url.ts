// The card's server address comes from the project's profile variable `BACKEND_URL`; a missing or
// malformed value is a sentence on the card for the admin, not a crash.
import type { HubSpotFetch, OtpkitApi } from "../api.js";
import { createOtpkitApi } from "../api.js";

/** The profile variable holding the otpkit server's URL. */
export const BACKEND_URL_VARIABLE = "BACKEND_URL";

/** The API, or why the card cannot have one. */
export type BackendApi = { ok: true; api: OtpkitApi } | { ok: false; message: string };

/**
 * The otpkit API from the extension's profile variables (`context.variables.BACKEND_URL`).
 *
 * @param variables `context.variables` (may be undefined when the profile sets none).
 * @param fetch Replaces `hubspot.fetch` (tests).
 * @returns The API, or a message naming the variable and the fix.
 * @throws Never: a bad value is a message.
 * @example
 * ```ts
 * const backend = apiFromVariables(context.variables);
 * if (!backend.ok) showSetupError(backend.message);
 * ```
 */
export function apiFromVariables(
  variables: Readonly<Record<string, unknown>> | undefined,
  fetch?: HubSpotFetch,
): BackendApi {
  const value = variables?.[BACKEND_URL_VARIABLE];
  const fix =
    "Ask your HubSpot admin to set it in the project's profile (hsprofile.<name>.json) to the otpkit server's address, such as https://otp.example.com, and upload the project again.";
  if (typeof value !== "string" || value.trim() === "") {
    return {
      ok: false,
      message: `The card has no server address: ${BACKEND_URL_VARIABLE} is not set. ${fix}`,
    };
  }
  try {
    return { ok: true, api: createOtpkitApi(value.trim(), fetch) };
  } catch {
    return {
      ok: false,
      message: `The card's server address ${JSON.stringify(value)} (${BACKEND_URL_VARIABLE}) is not an absolute http(s) URL. ${fix}`,
    };
  }
}
