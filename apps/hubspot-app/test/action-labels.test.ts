// The workflow actions' texts: complete in English and Spanish for every field and option, with
// placeholders that name real fields, and an execution-rule message for every outcome the
// adapter can answer with.
import {
  DELIVERY_OPTIONS,
  GENERATE_ERRORS,
  GENERATE_OUTPUTS,
  GENERATE_STATUSES,
  VERIFY_OUTPUTS,
  VERIFY_RESULTS,
  WAIT_OUTPUTS,
  WAIT_RESULTS,
} from "@otpkit/hubspot-adapter";
import { describe, expect, it } from "vitest";
import type { ActionKey } from "../scripts/project-paths.js";
import { ACTION_FILES } from "../scripts/project-paths.js";
import type { Json } from "./project.js";
import { readJson } from "./project.js";

const LOCALES = ["en", "es"];
const KEYS = Object.keys(ACTION_FILES) as ActionKey[];
const config = (key: ActionKey): Json => readJson(ACTION_FILES[key]).config;
const nonEmpty = (value: unknown) => typeof value === "string" && value.trim().length > 0;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);

/** Every output map the adapter's handlers answer with (see its actions/*.ts), per action. */
const OUTCOMES: Record<ActionKey, Record<string, string>[]> = {
  generate: [
    ...DELIVERY_OPTIONS.filter((o) => o !== "auto").map((channel) => ({
      [GENERATE_OUTPUTS.status]: "generated",
      [GENERATE_OUTPUTS.channel]: channel,
    })),
    // failed, throttled and locked always come with a reason.
    ...GENERATE_STATUSES.filter((s) => s !== "generated").flatMap((status) =>
      GENERATE_ERRORS.map((error) => ({
        [GENERATE_OUTPUTS.status]: status,
        [GENERATE_OUTPUTS.error]: error,
      })),
    ),
  ],
  verify: VERIFY_RESULTS.map((result) => ({ [VERIFY_OUTPUTS.result]: result })),
  wait: WAIT_RESULTS.map((result) => ({ [WAIT_OUTPUTS.result]: result })),
};

function firstMatch(rules: Json[], outputs: Record<string, string>): Json | undefined {
  return rules.find((rule) =>
    Object.entries(rule.conditions).every(([key, wanted]) =>
      Array.isArray(wanted) ? wanted.includes(outputs[key]) : wanted === outputs[key],
    ),
  );
}

describe.each(KEYS)("%s: labels", (key) => {
  const c = config(key);
  const inputs: Json[] = c.inputFields;
  const outputs: Json[] = c.outputFields;
  const inputNames = inputs.map((f) => f.typeDefinition.name);
  const outputNames = outputs.map((f) => f.typeDefinition.name);

  it("exist in exactly English and Spanish", () => {
    expect(Object.keys(c.labels).sort()).toEqual(LOCALES);
  });

  it.each(LOCALES)("%s: name, description, card text and app name", (locale) => {
    const l = c.labels[locale];
    for (const k of ["actionName", "actionDescription", "actionCardContent", "appDisplayName"]) {
      expect(nonEmpty(l[k]), `${locale}.${k}`).toBe(true);
    }
    for (const name of placeholders(l.actionCardContent)) expect(inputNames).toContain(name);
  });

  it.each(LOCALES)("%s: a label and a description for every input", (locale) => {
    const l = c.labels[locale];
    expect(Object.keys(l.inputFieldLabels).sort()).toEqual([...inputNames].sort());
    expect(Object.keys(l.inputFieldDescriptions).sort()).toEqual([...inputNames].sort());
    for (const name of inputNames) {
      expect(nonEmpty(l.inputFieldLabels[name]), name).toBe(true);
      expect(nonEmpty(l.inputFieldDescriptions[name]), name).toBe(true);
    }
  });

  it.each(LOCALES)("%s: a label for every option of every input", (locale) => {
    const l = c.labels[locale];
    const enumerations = inputs.filter((f) => f.typeDefinition.type === "enumeration");
    expect(Object.keys(l.inputFieldOptionLabels ?? {}).sort()).toEqual(
      enumerations.map((f) => f.typeDefinition.name).sort(),
    );
    for (const f of enumerations) {
      const labels = l.inputFieldOptionLabels[f.typeDefinition.name];
      const values = f.typeDefinition.options.map((o: Json) => o.value);
      expect(Object.keys(labels)).toEqual(values);
      for (const value of values) expect(nonEmpty(labels[value]), value).toBe(true);
    }
  });

  it.each(LOCALES)("%s: a label for every output", (locale) => {
    const l = c.labels[locale];
    expect(Object.keys(l.outputFieldLabels).sort()).toEqual([...outputNames].sort());
    for (const name of outputNames) expect(nonEmpty(l.outputFieldLabels[name]), name).toBe(true);
  });

  it.each(LOCALES)("%s: a message for every execution rule, naming only outputs", (locale) => {
    const messages = c.labels[locale].executionRules;
    expect(Object.keys(messages).sort()).toEqual(
      c.executionRules.map((r: Json) => r.labelName).sort(),
    );
    for (const [name, message] of Object.entries(messages)) {
      expect(nonEmpty(message), name).toBe(true);
      for (const p of placeholders(message as string)) expect(outputNames).toContain(p);
    }
  });

  it("has rules that test only outputs, against values they can take", () => {
    for (const rule of c.executionRules) {
      for (const [name, wanted] of Object.entries(rule.conditions)) {
        const output = outputs.find((f) => f.typeDefinition.name === name);
        expect(output, `${rule.labelName}: ${name}`).toBeDefined();
        const values = output.typeDefinition.options.map((o: Json) => o.value);
        for (const value of [wanted].flat()) expect(values).toContain(value);
      }
    }
  });

  it("explains every outcome the adapter answers with, in every language", () => {
    expect(OUTCOMES[key].length).toBeGreaterThan(0);
    for (const outcome of OUTCOMES[key]) {
      const rule = firstMatch(c.executionRules, outcome);
      expect(rule, JSON.stringify(outcome)).toBeDefined();
      for (const locale of LOCALES) {
        expect(nonEmpty(c.labels[locale].executionRules[rule.labelName])).toBe(true);
      }
    }
  });
});

describe("Generate OTP's rules", () => {
  it("tell a sent code from a kept one, and each failure by its reason", () => {
    const rules = config("generate").executionRules;
    const status = GENERATE_OUTPUTS.status;
    const channel = GENERATE_OUTPUTS.channel;
    expect(firstMatch(rules, { [status]: "generated", [channel]: "email" })?.labelName).toBe(
      "sent",
    );
    expect(firstMatch(rules, { [status]: "generated", [channel]: "none" })?.labelName).toBe("kept");
    for (const error of GENERATE_ERRORS) {
      const outcome = { [status]: "failed", [GENERATE_OUTPUTS.error]: error };
      expect(firstMatch(rules, outcome)?.labelName).toBe(error);
    }
  });
});
