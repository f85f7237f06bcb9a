import { describe, expect, it } from "vitest";
import {
  ACTION_URL,
  accepted,
  altered,
  CARD_URL,
  IDENTITY,
  NOW,
  options,
  PAYLOAD,
  refusal,
  SECRET,
} from "./signed-request.fixtures.js";
import { readSignedRequest } from "./signed-request.js";
import { signedFetchRequest, signedWorkflowRequest } from "./testing/sign.js";

describe("a hubspot.fetch request", () => {
  it("takes the identity from the signed query, never from the body", async () => {
    const request = signedFetchRequest({
      url: "https://otp.example.com/hubspot/card/generate",
      method: "POST",
      clientSecret: SECRET,
      query: IDENTITY,
      body: { contactId: "5101", portalId: 666, userId: 1, appId: 2 },
      timestamp: NOW,
    });
    const signed = accepted(await readSignedRequest(request, { ...options, allowV2: false }));
    expect(signed.version).toBe("v3");
    expect(signed.fetchIdentity).toEqual(IDENTITY);
    expect(JSON.parse(signed.rawBody)).toMatchObject({ portalId: 666 });
  });

  it("verifies a GET with no body; an e-mail with + and @ survives the query encoding", async () => {
    const request = signedFetchRequest({
      url: CARD_URL,
      clientSecret: SECRET,
      query: { ...IDENTITY, userEmail: "jane+otp@example.org" },
      timestamp: NOW,
    });
    expect(request.url).toContain("userEmail=jane%2Botp%40example.org");
    const signed = accepted(await readSignedRequest(request, options));
    expect(signed.rawBody).toBe("");
    expect(signed.fetchIdentity).toEqual({ ...IDENTITY, userEmail: "jane+otp@example.org" });
  });

  it("has no userEmail when HubSpot sent none", async () => {
    const { userEmail: _omitted, ...withoutEmail } = IDENTITY;
    const request = signedFetchRequest({
      url: CARD_URL,
      clientSecret: SECRET,
      query: withoutEmail,
      timestamp: NOW,
    });
    expect(accepted(await readSignedRequest(request, options)).fetchIdentity).toEqual(withoutEmail);
  });

  it("refuses a portalId of the caller's own before HubSpot's (400, identity_ambiguous)", async () => {
    const request = signedFetchRequest({
      url: `${CARD_URL}?portalId=666`,
      clientSecret: SECRET,
      query: IDENTITY,
      timestamp: NOW,
    });
    expect(await refusal(await readSignedRequest(request, options))).toMatchObject({
      status: 400,
      reason: "identity_ambiguous",
      body: { error: { code: "IDENTITY_AMBIGUOUS" } },
    });
  });

  it("has no identity when the query does not carry appId, portalId and userId", async () => {
    for (const query of [
      "",
      "?portalId=5",
      "?appId=1&portalId=x&userId=3",
      "?appId=1&portalId=0&userId=3",
    ]) {
      const url = `${ACTION_URL}${query}`;
      const request = signedWorkflowRequest({
        url,
        clientSecret: SECRET,
        payload: PAYLOAD,
        timestamp: NOW,
      });
      const signed = accepted(await readSignedRequest(request, options));
      expect(signed.fetchIdentity, query).toBeUndefined();
      expect("fetchIdentity" in signed).toBe(false);
    }
  });

  it("refuses tampered identity parameters", async () => {
    const request = signedFetchRequest({
      url: CARD_URL,
      clientSecret: SECRET,
      query: IDENTITY,
      timestamp: NOW,
    });
    const url = request.url.replace("portalId=99887766", "portalId=99887767");
    expect(
      (await refusal(await readSignedRequest(altered(request, { url }), options))).reason,
    ).toBe("bad_signature");
  });
});
