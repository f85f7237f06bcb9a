import type { IssueResult } from "@otpkit/otp-core";
import { createCodePolicy, isOtpError, OTP_LIMITS } from "@otpkit/otp-core";
import type { CrmClient } from "../crm-client.js";
import type { CodeOverride, PortalEngines, PortalSnapshot } from "../portal-engines.js";
import type { PortalSettings } from "../settings.js";
import type { DeliveryOption, GenerateError } from "./fields.js";
import {
  DELIVERY_OPTIONS,
  EXECUTION_STATE,
  GENERATE_INPUTS as IN,
  GENERATE_OUTPUTS as OUT,
  OVERRIDE_CHOICES,
} from "./fields.js";
import { contactRecipient, dealRecipient } from "./recipient.js";
import { HUBSPOT_OTP_PURPOSE, hubspotSubject } from "./subject.js";
import type { WorkflowRequest } from "./workflow-payload.js";
import { inputValue, WorkflowInputError } from "./workflow-payload.js";
import type { WorkflowAction } from "./workflow-request.js";

/** What Generate OTP needs from the app. */
export interface GenerateDeps {
  engines: PortalEngines;
  crmFor(portalId: number): CrmClient;
  /**
   * Writes the plaintext copy of a code to the contact property the admin chose (the CRM write
   * queue), and clears it when the code expires unused. Never logs the code.
   */
  storeCode(input: {
    portalId: number;
    contactId: string;
    subject: string;
    property: string;
    code: string;
    codeId: string;
    expiresAt: number;
  }): void;
}

const MINUTE = 60_000;
const TRUE = new Set(["true", "1", "yes", "on"]);

/**
 * "Generate OTP": issues a code for the enrolled contact (or a deal's owner or approver) and
 * delivers it by e-mail, WhatsApp or not at all, per the inputs ({@link GENERATE_INPUTS}) and the
 * portal's settings. Answers {@link GENERATE_OUTPUTS}: `generated`, `throttled` and `locked` with
 * `SUCCESS`; `failed` (with `otp_error`) with `FAIL_CONTINUE`, so the workflow can branch.
 *
 * Why the callbackId is also otp-core's idempotency key: HubSpot retries, and a retry whose
 * first answer was lost (a crash after issuing) must replay the code issued, not send a second.
 *
 * @internal Mounted by `createHubSpotApp` through `workflowHandler`.
 */
export function generateAction(deps: GenerateDeps): WorkflowAction {
  return {
    name: "generate",
    async run(request) {
      const snapshot = await deps.engines.snapshot(request.portalId);
      const { settings } = snapshot;
      const delivery = deliveryInput(request);
      const override = overrideInput(request, settings);
      if (typeof override === "string") return failed(override);

      const crm = deps.crmFor(request.portalId);
      const contact = request.objectType === "contact";
      let plan: Awaited<ReturnType<typeof contactRecipient>>;
      try {
        plan = contact
          ? await contactRecipient(request, settings, delivery, crm)
          : await dealRecipient(request, settings, delivery, crm);
      } catch (error) {
        // HubSpot refused the read for good (scope removed, token revoked): an outcome. A
        // passing failure (429, 5xx) is thrown on: a 503, which HubSpot retries.
        if (isOtpError(error) && !error.retryable && error.source === "hubspot") {
          return failed("crm_rejected");
        }
        throw error;
      }
      if (!plan.ok) return failed(plan.error);

      const storeCode = contact && settings.propertyStorage.enabled;
      // A code nobody receives and nobody can look up helps no one: refuse to make it.
      if (!plan.deliver && !storeCode && settings.storage !== "encrypted") {
        return failed("no_delivery");
      }
      const subject = hubspotSubject(request);
      let result: IssueResult;
      try {
        result = await deps.engines.engine(snapshot, override).issue({
          subject,
          purpose: HUBSPOT_OTP_PURPOSE,
          deliver: plan.deliver,
          ...(plan.recipient ? { recipient: plan.recipient } : {}),
          ...(plan.channels ? { channels: plan.channels } : {}),
          // Only asked for when the admin chose to keep a copy in a property (seed 001).
          ...(storeCode && plan.deliver ? { returnCode: true } : {}),
          idempotencyKey: request.callbackId,
        });
      } catch (error) {
        const reason = issueFailure(error);
        if (reason === undefined) throw error;
        return failed(reason);
      }
      if (result.status === "throttled") {
        return {
          [OUT.status]: "throttled",
          // `otp_error`'s options are deployed with the action: a destination's quota is
          // reported as the send cap it is (`max_sends`), not as a value HubSpot does not know.
          [OUT.error]: result.reason === "destination_quota" ? "max_sends" : result.reason,
          [EXECUTION_STATE]: "SUCCESS",
        };
      }
      if (result.status === "locked") {
        return { [OUT.status]: "locked", [OUT.error]: "locked", [EXECUTION_STATE]: "SUCCESS" };
      }
      await deps.engines.rememberShape({
        portalId: request.portalId,
        subject,
        codeId: result.codeId,
        shape: shapeOf(snapshot, override),
        expiresAt: result.expiresAt,
      });
      if (storeCode && result.code !== undefined) {
        deps.storeCode({
          portalId: request.portalId,
          contactId: request.objectId,
          subject,
          property: settings.propertyStorage.property,
          code: result.code,
          codeId: result.codeId,
          expiresAt: result.expiresAt,
        });
      }
      return {
        [OUT.status]: "generated",
        [OUT.expiresAt]: String(result.expiresAt),
        [OUT.channel]: result.channel ?? "none",
        ...(result.destination ? { [OUT.destination]: result.destination } : {}),
        [EXECUTION_STATE]: "SUCCESS",
      };
    },
  };
}

function failed(reason: GenerateError): Record<string, string> {
  return { [OUT.status]: "failed", [OUT.error]: reason, [EXECUTION_STATE]: "FAIL_CONTINUE" };
}

/** The engine errors that are outcomes of this request (saved as its answer), not outages. */
function issueFailure(error: unknown): GenerateError | undefined {
  if (!isOtpError(error)) return undefined;
  if (error.code === "NO_CHANNEL") return "no_channel";
  // The host's phone-country allow-list (`engine.phoneCountries`) leaves the number out, and no
  // other channel the step may use reaches the contact: nothing was sent.
  if (error.code === "DESTINATION_NOT_ALLOWED") return "country_not_allowed";
  // Every channel refused or kept failing: the code was withdrawn (otp-core), nothing is out.
  if (error.code === "DELIVERY_FAILED") return "delivery_failed";
  // The same callback with another recipient (the contact changed between HubSpot's retries).
  if (error.code === "IDEMPOTENCY_CONFLICT" && !error.retryable) return "idempotency_conflict";
  return undefined;
}

function deliveryInput(request: WorkflowRequest): DeliveryOption {
  const value = inputValue(request, IN.delivery)?.toLowerCase() ?? "auto";
  if (!(DELIVERY_OPTIONS as readonly string[]).includes(value)) {
    throw new WorkflowInputError(
      IN.delivery,
      `${IN.delivery}: one of ${DELIVERY_OPTIONS.join(", ")}`,
    );
  }
  return value as DeliveryOption;
}

/** The override, `undefined` without one, or why the settings refuse it. */
function overrideInput(
  request: WorkflowRequest,
  settings: PortalSettings,
): CodeOverride | undefined | GenerateError {
  const on = inputValue(request, IN.overrideSettings);
  if (on === undefined || !TRUE.has(on.toLowerCase())) return undefined;
  const type = choice(request, IN.codeType, OVERRIDE_CHOICES.codeType) ?? settings.code.type;
  const length = choice(request, IN.codeLength, OVERRIDE_CHOICES.codeLength.map(String));
  const expiry = choice(request, IN.expiryMinutes, OVERRIDE_CHOICES.expiryMinutes.map(String));
  const override: CodeOverride = {
    type,
    length: length === undefined ? settings.code.length : Number(length),
    expiryMinutes: expiry === undefined ? settings.expiryMinutes : Number(expiry),
  };
  // Why: NIST SP 800-63B-4 and OWASP ASVS 5.0 cap out-of-band codes at 10 minutes; a workflow
  // may go beyond only where the portal's admin opted in on the settings page.
  if (
    (override.expiryMinutes as number) * MINUTE > OTP_LIMITS.ttlMsWithoutOptIn &&
    !settings.allowLongExpiry
  ) {
    return "expiry_not_allowed";
  }
  // The strength rule is otp-core's: ask it rather than restate it.
  try {
    createCodePolicy({
      alphabet: type,
      length: override.length,
      allowWeak: settings.code.allowWeak,
    });
  } catch {
    return "code_too_weak";
  }
  return override;
}

function choice<T extends string>(
  request: WorkflowRequest,
  field: string,
  choices: readonly T[],
): T | undefined {
  const value = inputValue(request, field)?.toLowerCase();
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new WorkflowInputError(field, `${field}: one of ${choices.join(", ")}`);
  }
  return value as T;
}

function shapeOf(snapshot: PortalSnapshot, override: CodeOverride | undefined) {
  return {
    alphabet: override?.type ?? snapshot.settings.code.type,
    length: override?.length ?? snapshot.settings.code.length,
  };
}
