// Requests the workflow actions refuse, and how: a bad signature is 401 before anything is read;
// a bad payload or input is 400 with a reason (HubSpot does not retry a 4xx); an uninstalled
// portal is 403; only a passing problem on our side is a 5xx.
import { OtpError } from "@otpkit/otp-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WorkflowLogEntry } from "../src/actions/workflow-request.js";
import { signedWorkflowRequest, signHubSpotRequest } from "../src/testing/index.js";
import type { ActionName, Harness } from "./harness.js";
import {
  ACTIONS,
  CLIENT_SECRET,
  callbackId,
  contactPayload,
  PORTAL,
  startHarness,
} from "./harness.js";

let h: Harness;
const log: WorkflowLogEntry[] = [];
beforeEach(async () => {
  log.length = 0;
  h = await startHarness({ log: (entry) => log.push(entry) });
  await h.settings({ email: { enabled: true } });
});
afterEach(async () => {
  await h.close();
});

const ACTION_NAMES: ActionName[] = ["generate", "verify", "wait"];

/** A request signed over `body` exactly as given (not JSON-encoded by the helper). */
function rawSigned(action: ActionName, body: string, method = "POST"): Request {
  const url = `${ACTIONS}/${action}-otp`;
  const headers = signHubSpotRequest({
    method,
    url,
    body,
    clientSecret: CLIENT_SECRET,
    timestamp: h.now(),
  });
  return new Request(url, { method, headers, ...(method === "GET" ? {} : { body }) });
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; details?: unknown } }).error;
}

describe("bad payloads are 4xx with a reason, never 5xx", () => {
  const junk: [string, unknown][] = [
    ["null", null],
    ["an array", [1, 2]],
    ["a number", 42],
    [
      "no callbackId",
      { origin: { portalId: PORTAL }, object: { objectId: 1, objectType: "CONTACT" } },
    ],
    ["no origin", { callbackId: "ap-1", object: { objectId: 1, objectType: "CONTACT" } }],
    [
      "a portal id of 0",
      {
        callbackId: "ap-1",
        origin: { portalId: 0 },
        object: { objectId: 1, objectType: "CONTACT" },
      },
    ],
    [
      "a text portal id",
      {
        callbackId: "ap-1",
        origin: { portalId: "abc" },
        object: { objectId: 1, objectType: "CONTACT" },
      },
    ],
    [
      "a company",
      {
        callbackId: "ap-1",
        origin: { portalId: PORTAL },
        object: { objectId: 1, objectType: "COMPANY" },
      },
    ],
    [
      "an object id with letters",
      {
        callbackId: "ap-1",
        origin: { portalId: PORTAL },
        object: { objectId: "1a", objectType: "CONTACT" },
      },
    ],
    [
      "a callbackId with spaces",
      {
        callbackId: "ap 1",
        origin: { portalId: PORTAL },
        object: { objectId: 1, objectType: "CONTACT" },
      },
    ],
    [
      "inputFields as a list",
      {
        callbackId: "ap-1",
        origin: { portalId: PORTAL },
        object: { objectId: 1, objectType: "CONTACT" },
        inputFields: ["x"],
      },
    ],
    [
      "an object input value",
      {
        callbackId: "ap-1",
        origin: { portalId: PORTAL },
        object: { objectId: 1, objectType: "CONTACT" },
        inputFields: { submitted_code: { x: 1 } },
      },
    ],
  ];

  for (const action of ACTION_NAMES) {
    it(`${action}: answers 400 BAD_PAYLOAD with the issues`, async () => {
      for (const [what, body] of junk) {
        const response = await h.app.handlers[action](rawSigned(action, JSON.stringify(body)));
        expect(response.status, what).toBe(400);
        expect((await errorOf(response)).code, what).toBe("BAD_PAYLOAD");
      }
      const notJson = await h.app.handlers[action](rawSigned(action, "{callbackId:"));
      expect(notJson.status).toBe(400);
      expect((await errorOf(notJson)).code).toBe("BAD_JSON");
    });
  }

  it("names the fields that are wrong", async () => {
    const body = { origin: { portalId: PORTAL }, object: { objectId: 1, objectType: "TICKET" } };
    const error = await errorOf(
      await h.app.handlers.generate(rawSigned("generate", JSON.stringify(body))),
    );
    expect(error.details).toEqual({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: "callbackId" }),
        expect.objectContaining({ path: "object.objectType" }),
      ]),
    });
  });

  it("answers 400 BAD_INPUT for an input value the action cannot use", async () => {
    const id = h.portal.addContact();
    const cases: [Record<string, unknown>, string][] = [
      [{ delivery: "pigeon" }, "delivery"],
      [{ override_settings: "true", code_length: "7" }, "code_length"],
      [{ override_settings: "true", expiry_minutes: "45" }, "expiry_minutes"],
      [{ override_settings: "true", code_type: "emoji" }, "code_type"],
      [{ email_property: "e-mail; drop" }, "email_property"],
    ];
    for (const [inputs, field] of cases) {
      const response = await h.call("generate", contactPayload(id, inputs));
      expect(response.status, field).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: "BAD_INPUT", details: { field } });
    }
    expect(h.email.sent).toHaveLength(0);
  });

  it("tolerates fields it does not know, and numbers where strings are expected", async () => {
    const id = h.portal.addContact({ properties: { email: "ana@example.com" } });
    const payload = {
      ...contactPayload(id, { delivery: "email", future_input: 3 }, { email: "ana@example.com" }),
      origin: { portalId: String(PORTAL), extensionDefinitionId: 9, somethingNew: true },
      newTopLevel: { nested: [1] },
    };
    const response = await h.app.handlers.generate(rawSigned("generate", JSON.stringify(payload)));
    expect(response.status).toBe(200);
  });
});

describe("signatures, methods and installs", () => {
  it("answers 401 to a wrong secret, a tampered body and a stale timestamp, before reading anything", async () => {
    const id = h.portal.addContact({ properties: { email: "bo@example.com" } });
    const payload = contactPayload(id, {}, { email: "bo@example.com" });
    const url = `${ACTIONS}/generate-otp`;
    const wrongSecret = signedWorkflowRequest({
      url,
      clientSecret: "not-the-secret",
      payload,
      timestamp: h.now(),
    });
    const stale = signedWorkflowRequest({
      url,
      clientSecret: CLIENT_SECRET,
      payload,
      timestamp: h.now() - 10 * 60_000,
    });
    const good = signedWorkflowRequest({
      url,
      clientSecret: CLIENT_SECRET,
      payload,
      timestamp: h.now(),
    });
    const tampered = new Request(url, {
      method: "POST",
      headers: good.headers,
      body: JSON.stringify({ ...payload, origin: { portalId: 1 } }),
    });
    for (const request of [wrongSecret, stale, tampered]) {
      const response = await h.app.handlers.generate(request);
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe("SIGNATURE_INVALID");
    }
    expect(h.email.sent).toHaveLength(0);
    expect(h.fake.requests.filter((r) => r.path.includes("/crm/"))).toEqual([]);
  });

  it("accepts a v2-only request (workflow actions) and logs which signature verified it", async () => {
    const id = h.portal.addContact({ properties: { email: "cy@example.com" } });
    const request = signedWorkflowRequest({
      url: `${ACTIONS}/generate-otp`,
      clientSecret: CLIENT_SECRET,
      payload: contactPayload(id, {}, { email: "cy@example.com" }),
      versions: ["v2"],
    });
    expect((await h.app.handlers.generate(request)).status).toBe(200);
    expect(log.at(-1)).toMatchObject({
      action: "generate",
      status: 200,
      signatureVersion: "v2",
      portalId: PORTAL,
    });
    expect(JSON.stringify(log)).not.toContain(h.email.lastCode()!);
  });

  it("answers 405 to anything but POST", async () => {
    const response = await h.app.handlers.verify(rawSigned("verify", "", "GET"));
    expect(response.status).toBe(405);
  });

  it("answers 403 NOT_INSTALLED for a portal without tokens, and issues nothing", async () => {
    const payload = contactPayload("5101", { delivery: "email" }, { email: "dee@example.com" });
    payload.origin.portalId = 777;
    for (const action of ACTION_NAMES) {
      const response = await h.call(action, { ...payload, callbackId: callbackId() });
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe("NOT_INSTALLED");
    }
    expect(h.events).toEqual([]);
    await h.app.oauth.uninstall(PORTAL);
    const after = await h.call("generate", contactPayload("5101"));
    expect(after.status).toBe(403);
  });

  it("answers 503 with Retry-After while the storage is down", async () => {
    h.storage.getTokens = async () => {
      throw new OtpError("STORE_UNAVAILABLE", "database down", { retryable: true });
    };
    const response = await h.call("verify", contactPayload("5101", { submitted_code: "123456" }));
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("60");
    expect((await errorOf(response)).code).toBe("UNAVAILABLE");
  });

  it("answers 500 when the saved settings no longer validate (not the defaults)", async () => {
    await h.storage.putSettings(PORTAL, JSON.stringify({ code: { length: 7 } }));
    const response = await h.call("generate", contactPayload("5101"));
    expect(response.status).toBe(500);
    expect((await errorOf(response)).code).toBe("INTERNAL");
    expect(log.at(-1)?.cause).toMatchObject({ code: "STORE_DATA_INVALID" });
  });
});
