// The three workflow actions against the adapter that answers them: the same field names, the
// same option values, the properties its handlers read, a route on the server, and files that
// equal a fresh generation (so they cannot drift from the constants).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CODE_LENGTHS,
  CODE_TYPES,
  DELIVERY_OPTIONS,
  EXECUTION_STATE,
  EXPIRATION_DURATION,
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
  workflowPayloadSchema,
} from "@otpkit/hubspot-adapter";
import { describe, expect, it } from "vitest";
import { workflowActionFiles } from "../scripts/generate-actions.js";
import type { ActionKey } from "../scripts/project-paths.js";
import { ACTION_FILES, ACTION_ROUTES, APP_DIR } from "../scripts/project-paths.js";
import type { Json } from "./project.js";
import { EXPECTED_UIDS, readJson } from "./project.js";

const KEYS = Object.keys(ACTION_FILES) as ActionKey[];
const config = (key: ActionKey): Json => readJson(ACTION_FILES[key]).config;
const names = (fields: Json[]) => fields.map((f) => f.typeDefinition.name).sort();
const field = (fields: Json[], name: string) => fields.find((f) => f.typeDefinition.name === name);
const optionValues = (f: Json) => f.typeDefinition.options.map((o: Json) => o.value);

/** What each action's definition must match in the adapter. */
const ADAPTER = {
  generate: { inputs: GENERATE_INPUTS, outputs: GENERATE_OUTPUTS },
  verify: { inputs: VERIFY_INPUTS, outputs: VERIFY_OUTPUTS },
  wait: { inputs: WAIT_INPUTS, outputs: WAIT_OUTPUTS },
} as const;

describe("the generated files", () => {
  it.each(KEYS)("%s: the committed file equals a fresh generation", (key) => {
    const fresh = workflowActionFiles().get(ACTION_FILES[key]);
    const committed = readFileSync(join(APP_DIR, ACTION_FILES[key]), "utf8");
    expect(committed, "run `pnpm --filter otpkit-hubspot-app build` and commit").toBe(fresh);
  });
});

describe.each(KEYS)("workflow action %s", (key) => {
  const c = config(key);

  it("has a committed uid, the server's route under BACKEND_URL, and runs in workflows", () => {
    expect(EXPECTED_UIDS[readJson(ACTION_FILES[key]).uid]).toBe("WORKFLOW_ACTION");
    expect(c.actionUrl).toBe(`\${BACKEND_URL}${ACTION_ROUTES[key]}`);
    const routes = readFileSync(join(APP_DIR, "../server/src/routes/hubspot.ts"), "utf8");
    expect(routes).toContain(`app.post("${ACTION_ROUTES[key].replace("/hubspot", "")}"`);
    expect(c.supportedClients).toEqual([{ client: "WORKFLOWS" }]);
    expect(c.isPublished).toBe(true);
  });

  it("declares exactly the adapter's input and output field names", () => {
    expect(names(c.inputFields)).toEqual(Object.values(ADAPTER[key].inputs).sort());
    expect(names(c.outputFields)).toEqual(Object.values(ADAPTER[key].outputs).sort());
  });

  it("declares no HubSpot control key as an output", () => {
    expect(names(c.outputFields)).not.toContain(EXECUTION_STATE);
    expect(names(c.outputFields)).not.toContain(EXPIRATION_DURATION);
  });

  it("runs on the record types the adapter's payload parser accepts", () => {
    expect(c.objectTypes.length).toBeGreaterThan(0);
    for (const objectType of c.objectTypes) {
      const payload = {
        callbackId: "ap-101-1-1-0",
        origin: { portalId: 101 },
        object: { objectId: 5101, objectType, properties: {} },
        inputFields: {},
      };
      expect(workflowPayloadSchema.safeParse(payload).success, objectType).toBe(true);
    }
  });

  it("gives every option a value and a label, and every enumeration options", () => {
    for (const f of [...c.inputFields, ...c.outputFields]) {
      const { type, options } = f.typeDefinition;
      expect(Array.isArray(options), f.typeDefinition.name).toBe(type === "enumeration");
      for (const option of options ?? []) {
        expect(typeof option.value).toBe("string");
        expect(option.label.length).toBeGreaterThan(0);
      }
    }
  });
});

describe("Generate OTP", () => {
  const c = config("generate");

  it("offers exactly the adapter's option values", () => {
    expect(optionValues(field(c.inputFields, GENERATE_INPUTS.delivery))).toEqual([
      ...DELIVERY_OPTIONS,
    ]);
    expect(optionValues(field(c.inputFields, GENERATE_INPUTS.codeLength))).toEqual(
      CODE_LENGTHS.map(String),
    );
    expect(optionValues(field(c.inputFields, GENERATE_INPUTS.expiryMinutes))).toEqual(
      EXPIRY_MINUTES.map(String),
    );
    expect(optionValues(field(c.inputFields, GENERATE_INPUTS.codeType))).toEqual([...CODE_TYPES]);
  });

  it("answers with exactly the adapter's output values", () => {
    expect(optionValues(field(c.outputFields, GENERATE_OUTPUTS.status))).toEqual([
      ...GENERATE_STATUSES,
    ]);
    expect(optionValues(field(c.outputFields, GENERATE_OUTPUTS.error))).toEqual([
      ...GENERATE_ERRORS,
    ]);
    expect(optionValues(field(c.outputFields, GENERATE_OUTPUTS.channel))).toEqual(
      DELIVERY_OPTIONS.filter((o) => o !== "auto"),
    );
    expect(field(c.outputFields, GENERATE_OUTPUTS.expiresAt).typeDefinition.type).toBe("datetime");
  });

  it("asks HubSpot for the recipient properties of contacts and deals", () => {
    expect(c.objectRequestOptions.properties).toEqual(
      expect.arrayContaining([
        ...OBJECT_REQUEST_PROPERTIES.generate,
        ...OBJECT_REQUEST_PROPERTIES.generateDeal,
      ]),
    );
  });

  it("shows the override choices only with Override the app settings", () => {
    expect(c.inputFieldDependencies).toEqual([
      {
        dependencyType: "CONDITIONAL_SINGLE_FIELD",
        controllingFieldName: GENERATE_INPUTS.overrideSettings,
        controllingFieldValue: "true",
        dependentFieldNames: [
          GENERATE_INPUTS.codeLength,
          GENERATE_INPUTS.expiryMinutes,
          GENERATE_INPUTS.codeType,
        ],
      },
    ]);
    expect(field(c.inputFields, GENERATE_INPUTS.overrideSettings).typeDefinition.type).toBe("bool");
  });

  it("lets the approver e-mail come from a deal property", () => {
    const approver = field(c.inputFields, GENERATE_INPUTS.approverEmail);
    expect(approver.supportedValueTypes).toContain("OBJECT_PROPERTY");
  });
});

describe("Verify OTP", () => {
  const c = config("verify");

  it("takes the submitted code from a property (a form field) or a static value, required", () => {
    const code = field(c.inputFields, VERIFY_INPUTS.submittedCode);
    expect(code.supportedValueTypes.sort()).toEqual(["OBJECT_PROPERTY", "STATIC_VALUE"]);
    expect(code.isRequired).toBe(true);
  });

  it("answers with exactly the adapter's results, and asks for the attempts counter", () => {
    expect(optionValues(field(c.outputFields, VERIFY_OUTPUTS.result))).toEqual([...VERIFY_RESULTS]);
    expect(field(c.outputFields, VERIFY_OUTPUTS.attemptsRemaining).typeDefinition.type).toBe(
      "number",
    );
    expect(c.objectRequestOptions.properties).toEqual([...OBJECT_REQUEST_PROPERTIES.verify]);
  });
});

describe("Wait for verification", () => {
  const c = config("wait");

  it("takes an optional expiration and completes with the adapter's results", () => {
    expect(field(c.inputFields, WAIT_INPUTS.expiration).isRequired).toBe(false);
    expect(optionValues(field(c.outputFields, WAIT_OUTPUTS.result))).toEqual([...WAIT_RESULTS]);
  });
});
