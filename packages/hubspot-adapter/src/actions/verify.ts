import type { VerifyResult } from "@otpkit/otp-core";
import { isOtpError, MAX_INPUT_LENGTH } from "@otpkit/otp-core";
import type { PortalEngines } from "../portal-engines.js";
import type { CrmSync } from "./crm-sync.js";
import type { VerifyResultValue } from "./fields.js";
import { EXECUTION_STATE, VERIFY_INPUTS as IN, VERIFY_OUTPUTS as OUT } from "./fields.js";
import { HUBSPOT_OTP_PURPOSE, hubspotSubject } from "./subject.js";
import type { WorkflowAction } from "./workflow-request.js";

/** What Verify OTP needs from the app. */
export interface VerifyDeps {
  engines: PortalEngines;
  sync: Pick<CrmSync, "withCurrent" | "recordOutcome">;
}

/**
 * "Verify OTP": checks `submitted_code` (a property of the enrolled record, such as a form field,
 * or a static value) against the record's code and answers {@link VERIFY_OUTPUTS} for branching,
 * always with `SUCCESS`: every result is an outcome, not a failure of the action. The result
 * reaches the contact through the CRM sync (the engine's events); `not_found` and `malformed`,
 * which change nothing in the engine, are written here. `replaced` changes nothing either and
 * is answered as `invalid` (see `outputsOf`); the contact's properties stay as they are.
 *
 * Why the callbackId is also otp-core's idempotency key: a retried request is the same guess,
 * and must not spend a second attempt.
 *
 * @internal Mounted by `createHubSpotApp` through `workflowHandler`.
 */
export function verifyAction(deps: VerifyDeps): WorkflowAction {
  return {
    name: "verify",
    async run(request) {
      const snapshot = await deps.engines.snapshot(request.portalId);
      const subject = hubspotSubject(request);
      const code = request.inputs[IN.submittedCode] ?? "";
      let result: VerifyResult;
      if (code.length > MAX_INPUT_LENGTH) {
        // Longer than any code can be: malformed without asking the engine (which refuses such
        // input outright); the expected shape is not needed for the outputs.
        result = { status: "malformed", expected: { length: 0, alphabet: "numeric" } };
      } else {
        const otp = await deps.engines.engineForCode(snapshot, subject);
        try {
          result = await deps.sync.withCurrent(subject, request.properties, () =>
            otp.verify({
              subject,
              purpose: HUBSPOT_OTP_PURPOSE,
              code,
              idempotencyKey: request.callbackId,
            }),
          );
        } catch (error) {
          // The same execution with another code (the property changed between HubSpot's
          // retries): nothing was evaluated for it.
          if (isOtpError(error) && error.code === "IDEMPOTENCY_CONFLICT" && !error.retryable) {
            result = { status: "not_found" };
          } else {
            throw error;
          }
        }
      }
      if (
        request.objectType === "contact" &&
        (result.status === "not_found" || result.status === "malformed")
      ) {
        deps.sync.recordOutcome(request.portalId, request.objectId, result.status);
      }
      return { ...outputsOf(result), [EXECUTION_STATE]: "SUCCESS" };
    },
  };
}

/**
 * The action's outputs for an engine answer. `replaced` (the contact typed the code that a newer
 * Generate replaced: nothing was spent) takes the `invalid` branch with the attempts left,
 * unchanged: it did not verify, the contact should enter the newest code, and a workflow built
 * on the action's published options keeps working (a new option would reach no branch).
 */
function outputsOf(result: VerifyResult): Record<string, string> {
  const status: VerifyResultValue = result.status === "replaced" ? "invalid" : result.status;
  switch (result.status) {
    case "invalid":
    case "replaced":
      return { [OUT.result]: status, [OUT.attemptsRemaining]: String(result.attemptsRemaining) };
    case "exhausted":
      return { [OUT.result]: status, [OUT.attemptsRemaining]: "0" };
    case "locked":
      return {
        [OUT.result]: status,
        [OUT.attemptsRemaining]: "0",
        [OUT.lockedUntil]: result.lockedUntil === null ? "" : String(result.lockedUntil),
      };
    default:
      return { [OUT.result]: status };
  }
}
