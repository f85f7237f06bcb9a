import type { ActionSpec, ActionTexts } from "./action-specs.js";
import { ACTION_SPECS } from "./action-specs.js";
import type { LocaleLabels } from "./label-types.js";
import { LABELS_EN } from "./labels-en.js";
import { LABELS_ES } from "./labels-es.js";
import type { ActionKey } from "./project-paths.js";
import { ACTION_FILES, ACTION_ROUTES } from "./project-paths.js";

// The workflow actions' hsmeta files, generated from the adapter's field constants (action-specs)
// and the label tables. `pnpm --filter otpkit-hubspot-app build` writes them; a test regenerates
// them in memory and compares with the committed files, so they never drift.

/** The languages every action is labelled in (HubSpot requires `en`). */
export const ACTION_LOCALES: Readonly<Record<string, LocaleLabels>> = Object.freeze({
  en: LABELS_EN,
  es: LABELS_ES,
});

/** The profile variable every action URL starts with (hsprofile.<name>.json). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: HubSpot's profile-variable syntax, replaced at upload.
export const BACKEND_URL_VARIABLE = "${BACKEND_URL}";

function typeDefinition(
  name: string,
  type: string,
  fieldType: string,
  options: readonly string[] | undefined,
  label: (value: string) => string,
) {
  return {
    name,
    type,
    fieldType,
    ...(options ? { options: options.map((value) => ({ value, label: label(value) })) } : {}),
  };
}

function localeLabels(spec: ActionSpec, t: ActionTexts, appDisplayName: string) {
  const withOptions = spec.inputs.filter((input) => input.options);
  return {
    actionName: t.actionName,
    actionDescription: t.actionDescription,
    appDisplayName,
    actionCardContent: t.actionCardContent,
    inputFieldLabels: Object.fromEntries(spec.inputs.map((i) => [i.name, t.inputs[i.name]?.label])),
    inputFieldDescriptions: Object.fromEntries(
      spec.inputs.map((i) => [i.name, t.inputs[i.name]?.description]),
    ),
    ...(withOptions.length > 0
      ? {
          inputFieldOptionLabels: Object.fromEntries(
            withOptions.map((i) => [
              i.name,
              Object.fromEntries((i.options ?? []).map((v) => [v, t.inputOptions[i.name]?.[v]])),
            ]),
          ),
        }
      : {}),
    outputFieldLabels: Object.fromEntries(spec.outputs.map((o) => [o.name, t.outputs[o.name]])),
    executionRules: Object.fromEntries(spec.rules.map((r) => [r.labelName, t.rules[r.labelName]])),
  };
}

/**
 * The hsmeta document of one workflow action: `uid`, `type` and the `config` HubSpot reads.
 *
 * @param spec The action (from {@link ACTION_SPECS}).
 * @returns A JSON-ready object; labels a language lacks come out `undefined` (and so missing
 *   from the JSON), which the label tests catch.
 * @throws Never.
 * @example
 * ```ts
 * const doc = actionDocument(ACTION_SPECS[0]);
 * doc.config.actionUrl; // "${BACKEND_URL}/hubspot/actions/generate-otp"
 * ```
 */
export function actionDocument(spec: ActionSpec) {
  const en = spec.texts(LABELS_EN);
  return {
    uid: spec.uid,
    type: "workflow-action",
    config: {
      actionUrl: `${BACKEND_URL_VARIABLE}${ACTION_ROUTES[spec.key]}`,
      isPublished: true,
      supportedClients: [{ client: "WORKFLOWS" }],
      objectTypes: spec.objectTypes,
      ...(spec.properties ? { objectRequestOptions: { properties: spec.properties } } : {}),
      inputFields: spec.inputs.map((input) => ({
        typeDefinition: typeDefinition(
          input.name,
          input.type,
          input.fieldType,
          input.options,
          (v) => en.inputOptions[input.name]?.[v] ?? v,
        ),
        supportedValueTypes: input.valueTypes,
        isRequired: input.required,
      })),
      ...(spec.dependencies
        ? {
            inputFieldDependencies: spec.dependencies.map((d) => ({
              dependencyType: "CONDITIONAL_SINGLE_FIELD",
              ...d,
            })),
          }
        : {}),
      outputFields: spec.outputs.map((output) => ({
        typeDefinition: typeDefinition(
          output.name,
          output.type,
          output.fieldType,
          output.options,
          (v) => output.optionLabels?.[v] ?? v,
        ),
      })),
      executionRules: spec.rules,
      labels: Object.fromEntries(
        Object.entries(ACTION_LOCALES).map(([locale, labels]) => [
          locale,
          localeLabels(spec, spec.texts(labels), labels.appDisplayName),
        ]),
      ),
    },
  };
}

/**
 * Every workflow-action hsmeta file, as the build writes it: path (relative to the app) →
 * contents (2-space JSON and a final newline).
 *
 * @returns One entry per action.
 * @throws Never.
 * @example
 * ```ts
 * const files = workflowActionFiles();
 * files.get("src/app/workflow-actions/verify-otp-hsmeta.json"); // '{\n  "uid": "otpkit_verify_otp", ...'
 * ```
 */
export function workflowActionFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const spec of ACTION_SPECS) {
    files.set(
      ACTION_FILES[spec.key as ActionKey],
      `${JSON.stringify(actionDocument(spec), null, 2)}\n`,
    );
  }
  return files;
}
