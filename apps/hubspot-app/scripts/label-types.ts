import type {
  CODE_LENGTHS,
  CODE_TYPES,
  DeliveryOption,
  EXPIRY_MINUTES,
  GENERATE_INPUTS,
  GENERATE_OUTPUTS,
  GenerateError,
  GenerateStatus,
  VERIFY_INPUTS,
  VERIFY_OUTPUTS,
  VerifyResultValue,
  WAIT_INPUTS,
  WAIT_OUTPUTS,
  WaitResult,
} from "@otpkit/hubspot-adapter";

// The shape of the workflow actions' texts, keyed by the adapter's own field names and values:
// a field or a value the adapter adds fails to compile here until every language labels it.

type ValueOf<T> = T[keyof T];

/** The channels Generate OTP reports in `otp_channel`: the delivery choices but `auto`. */
export type ReportedChannel = Exclude<DeliveryOption, "auto">;

/** A field's label and the help text under it. */
export interface FieldText {
  label: string;
  description: string;
}

/** What every action has: its name, description and the text on its card in the editor. */
interface ActionText {
  actionName: string;
  actionDescription: string;
  /** May template input values: `{{delivery}}`. */
  actionCardContent: string;
}

/** The texts of one language (en, es). */
export interface LocaleLabels {
  appDisplayName: string;
  generate: ActionText & {
    inputs: Record<ValueOf<typeof GENERATE_INPUTS>, FieldText>;
    options: {
      delivery: Record<DeliveryOption, string>;
      codeLength: Record<`${(typeof CODE_LENGTHS)[number]}`, string>;
      expiryMinutes: Record<`${(typeof EXPIRY_MINUTES)[number]}`, string>;
      codeType: Record<(typeof CODE_TYPES)[number], string>;
    };
    outputs: Record<ValueOf<typeof GENERATE_OUTPUTS>, string>;
    /** Execution-rule messages: one per `otp_error`, and two for `generated` (sent / kept). */
    rules: Record<GenerateError, string> & { sent: string; kept: string };
  };
  verify: ActionText & {
    inputs: Record<ValueOf<typeof VERIFY_INPUTS>, FieldText>;
    outputs: Record<ValueOf<typeof VERIFY_OUTPUTS>, string>;
    /** One message per `otp_result`; may template `{{otp_attempts_remaining}}`. */
    rules: Record<VerifyResultValue, string>;
  };
  wait: ActionText & {
    inputs: Record<ValueOf<typeof WAIT_INPUTS>, FieldText>;
    outputs: Record<ValueOf<typeof WAIT_OUTPUTS>, string>;
    rules: Record<WaitResult, string>;
  };
}

/**
 * The labels of the output values, in the definition's `typeDefinition.options` (HubSpot's model
 * has per-language labels for input options only; the execution rules say each outcome in every
 * language).
 */
export interface OutputOptionLabels {
  generate: {
    status: Record<GenerateStatus, string>;
    channel: Record<ReportedChannel, string>;
    error: Record<GenerateError, string>;
  };
  verify: { result: Record<VerifyResultValue, string> };
  wait: { result: Record<WaitResult, string> };
}
