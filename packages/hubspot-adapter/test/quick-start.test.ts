import { expect, it, vi } from "vitest";
import { signedWorkflowRequest } from "../src/testing/index.js";

// The README's quick start (examples/quick-start.ts, the same text) builds a working app: its
// Generate handler checks the signature first and refuses a portal that never installed the app.
it("the quick start's app answers a signed workflow request", async () => {
  vi.stubEnv("HUBSPOT_CLIENT_ID", "quick-start-client");
  vi.stubEnv("HUBSPOT_CLIENT_SECRET", "quick-start-client-secret-0123456789");
  vi.stubEnv("OTP_SECRET", "quick-start-secret-0123456789abcdef");
  vi.stubEnv("OTP_NAMING_KEY", "quick-start-naming-key-0123456789abcdef");
  const { app } = await import("../examples/quick-start.js");
  const payload = {
    callbackId: "ap-1-2-3-0",
    origin: { portalId: 99887766, actionDefinitionId: 1, actionDefinitionVersion: 1 },
    object: { objectId: 5101, objectType: "CONTACT", properties: { email: "jane@example.com" } },
    inputFields: {},
  };
  const url = "https://otp.example.com/hubspot/actions/generate-otp";
  const unsigned = new Request(url, { method: "POST", body: JSON.stringify(payload) });
  expect((await app.handlers.generate(unsigned)).status).toBe(401);
  const signed = signedWorkflowRequest({
    url,
    clientSecret: "quick-start-client-secret-0123456789",
    payload,
  });
  const response = await app.handlers.generate(signed);
  expect(response.status).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "NOT_INSTALLED" } });
  await app.close();
  vi.unstubAllEnvs();
});
