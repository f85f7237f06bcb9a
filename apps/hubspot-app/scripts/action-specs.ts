import {
  CODE_LENGTHS,
  CODE_TYPES,
  DELIVERY_OPTIONS,
  EXPIRY_MINUTES,
  GENERATE_ERRORS,
  GENERATE_INPUTS,
  GENERATE_OUTPUTS,
  GENERATE_STATUSES,
  OBJECT_REQUEST_PROPERTIES,
  VERIFY_INPUTS,
  VERIFY_OUTPUTS,
  VERIFY_RESULTS,
  WAIT_INPUTS,
  WAIT_OUTPUTS,
  WAIT_RESULTS,
} from "@otpkit/hubspot-adapter";
import type { FieldText, LocaleLabels, ReportedChannel } from "./label-types.js";
import { OUTPUT_OPTIONS_EN } from "./labels-en.js";
import type { ActionKey } from "./project-paths.js";

// What each workflow action declares, built only from the adapter's constants (field names,
// option values, the properties to request): the definitions cannot name a field the handlers
// do not read, nor miss a value they answer with.

/** Where an input's value may come from in the workflow editor. */
export type ValueType = "STATIC_VALUE" | "OBJECT_PROPERTY";

/** One input field. */
export interface InputSpec {
  name: string;
  type: "string" | "enumeration" | "bool";
  fieldType: "text" | "select" | "booleancheckbox";
  /** The option values of an enumeration. */
  options?: readonly string[];
  valueTypes: readonly ValueType[];
  required: boolean;
}

/** One output field; an enumeration's values come with their English labels. */
export interface OutputSpec {
  name: string;
  type: "string" | "enumeration" | "datetime" | "number";
  fieldType: "text" | "select" | "date" | "number";
  options?: readonly string[];
  optionLabels?: Readonly<Record<string, string>>;
}

/** An execution rule: the first whose conditions all match the outputs names the message. */
export interface RuleSpec {
  labelName: string;
  conditions: Readonly<Record<string, string | readonly string[]>>;
}

/** An action's texts in one language, read by field name. */
export interface ActionTexts {
  actionName: string;
  actionDescription: string;
  actionCardContent: string;
  inputs: Readonly<Record<string, FieldText>>;
  /** Per enumeration input: value → label. */
  inputOptions: Readonly<Record<string, Readonly<Record<string, string>>>>;
  outputs: Readonly<Record<string, string>>;
  rules: Readonly<Record<string, string>>;
}

/** Everything a workflow-action hsmeta file says, before serialization. */
export interface ActionSpec {
  key: ActionKey;
  /** Never change: HubSpot keys the action (and every workflow using it) by uid. */
  uid: string;
  objectTypes: readonly string[];
  /** `objectRequestOptions.properties`: sent along, so the handler needs no CRM read. */
  properties?: readonly string[];
  inputs: readonly InputSpec[];
  /** Inputs shown only when another input has a value. */
  dependencies?: readonly {
    controllingFieldName: string;
    controllingFieldValue: string;
    dependentFieldNames: readonly string[];
  }[];
  outputs: readonly OutputSpec[];
  rules: readonly RuleSpec[];
  texts(labels: LocaleLabels): ActionTexts;
}

/** The values of `otp_channel`: what `delivery` can choose but `auto` (the engine's choice). */
export const REPORTED_CHANNELS = DELIVERY_OPTIONS.filter(
  (option): option is ReportedChannel => option !== "auto",
);

/** The records every action runs on (the adapter's `HubSpotObjectKind`). */
const OBJECT_TYPES = ["CONTACT", "DEAL"] as const;
const STATIC: readonly ValueType[] = ["STATIC_VALUE"];
const G = GENERATE_INPUTS;
const GO = GENERATE_OUTPUTS;

const text = (name: string, valueTypes = STATIC): InputSpec => ({
  name,
  type: "string",
  fieldType: "text",
  valueTypes,
  required: false,
});
const select = (name: string, options: readonly (string | number)[]): InputSpec => ({
  name,
  type: "enumeration",
  fieldType: "select",
  options: options.map(String),
  valueTypes: STATIC,
  required: false,
});

const choice = (
  name: string,
  options: readonly string[],
  optionLabels: Readonly<Record<string, string>>,
): OutputSpec => ({ name, type: "enumeration", fieldType: "select", options, optionLabels });

const generate: ActionSpec = {
  key: "generate",
  uid: "otpkit_generate_otp",
  objectTypes: OBJECT_TYPES,
  // Contacts' recipient properties and deals' owner: HubSpot sends those the record has.
  properties: [
    ...new Set([...OBJECT_REQUEST_PROPERTIES.generate, ...OBJECT_REQUEST_PROPERTIES.generateDeal]),
  ],
  inputs: [
    { ...select(G.delivery, DELIVERY_OPTIONS), required: true },
    text(G.emailProperty),
    text(G.phoneProperty),
    text(G.languageProperty),
    text(G.approverEmail, ["STATIC_VALUE", "OBJECT_PROPERTY"]),
    {
      name: G.overrideSettings,
      type: "bool",
      fieldType: "booleancheckbox",
      valueTypes: STATIC,
      required: false,
    },
    select(G.codeLength, CODE_LENGTHS),
    select(G.expiryMinutes, EXPIRY_MINUTES),
    select(G.codeType, CODE_TYPES),
  ],
  dependencies: [
    {
      controllingFieldName: G.overrideSettings,
      controllingFieldValue: "true",
      dependentFieldNames: [G.codeLength, G.expiryMinutes, G.codeType],
    },
  ],
  outputs: [
    choice(GO.status, GENERATE_STATUSES, OUTPUT_OPTIONS_EN.generate.status),
    { name: GO.expiresAt, type: "datetime", fieldType: "date" },
    choice(GO.channel, REPORTED_CHANNELS, OUTPUT_OPTIONS_EN.generate.channel),
    { name: GO.destination, type: "string", fieldType: "text" },
    choice(GO.error, GENERATE_ERRORS, OUTPUT_OPTIONS_EN.generate.error),
  ],
  rules: [
    {
      labelName: "sent",
      conditions: {
        [GO.status]: "generated" satisfies (typeof GENERATE_STATUSES)[number],
        [GO.channel]: REPORTED_CHANNELS.filter((c) => c !== "none"),
      },
    },
    {
      labelName: "kept",
      conditions: { [GO.status]: "generated", [GO.channel]: "none" satisfies ReportedChannel },
    },
    // failed, throttled and locked always carry an otp_error: one message per reason.
    ...GENERATE_ERRORS.map((error) => ({ labelName: error, conditions: { [GO.error]: error } })),
  ],
  texts: (l) => ({
    ...l.generate,
    inputOptions: {
      [G.delivery]: l.generate.options.delivery,
      [G.codeLength]: l.generate.options.codeLength,
      [G.expiryMinutes]: l.generate.options.expiryMinutes,
      [G.codeType]: l.generate.options.codeType,
    },
  }),
};

const verify: ActionSpec = {
  key: "verify",
  uid: "otpkit_verify_otp",
  objectTypes: OBJECT_TYPES,
  properties: OBJECT_REQUEST_PROPERTIES.verify,
  inputs: [
    { ...text(VERIFY_INPUTS.submittedCode, ["OBJECT_PROPERTY", "STATIC_VALUE"]), required: true },
  ],
  outputs: [
    choice(VERIFY_OUTPUTS.result, VERIFY_RESULTS, OUTPUT_OPTIONS_EN.verify.result),
    { name: VERIFY_OUTPUTS.attemptsRemaining, type: "number", fieldType: "number" },
    { name: VERIFY_OUTPUTS.lockedUntil, type: "datetime", fieldType: "date" },
  ],
  rules: VERIFY_RESULTS.map((r) => ({ labelName: r, conditions: { [VERIFY_OUTPUTS.result]: r } })),
  texts: (l) => ({ ...l.verify, inputOptions: {} }),
};

const wait: ActionSpec = {
  key: "wait",
  uid: "otpkit_wait_for_verification",
  objectTypes: OBJECT_TYPES,
  inputs: [text(WAIT_INPUTS.expiration)],
  outputs: [choice(WAIT_OUTPUTS.result, WAIT_RESULTS, OUTPUT_OPTIONS_EN.wait.result)],
  rules: WAIT_RESULTS.map((r) => ({ labelName: r, conditions: { [WAIT_OUTPUTS.result]: r } })),
  texts: (l) => ({ ...l.wait, inputOptions: {} }),
};

/** The three workflow actions, in the order the README lists them. */
export const ACTION_SPECS: readonly ActionSpec[] = [generate, verify, wait];
