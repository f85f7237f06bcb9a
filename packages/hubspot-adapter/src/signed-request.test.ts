import { describe, expect, it } from "vitest";
import {
  ACTION_URL,
  accepted,
  altered,
  NOW,
  options,
  PAYLOAD,
  refusal,
  SECRET,
} from "./signed-request.fixtures.js";
import { readSignedRequest } from "./signed-request.js";
import { signedWorkflowRequest, signHubSpotRequest } from "./testing/sign.js";

describe("a workflow-action request", () => {
  it("verifies with v3 and returns the body exactly as signed, unparsed", async () => {
    const request = signedWorkflowRequest({
      url: ACTION_URL,
      clientSecret: SECRET,
      payload: PAYLOAD,
      timestamp: NOW,
    });
    const signed = accepted(await readSignedRequest(request, options));
    expect(signed).toEqual({
      ok: true,
      rawBody: JSON.stringify(PAYLOAD),
      url: ACTION_URL,
      version: "v3",
    });
    expect(request.bodyUsed).toBe(true);
  });

  it("returns a signed body that is not JSON as is (parsing is the caller's, after the check)", async () => {
    const body = "not json {";
    const url = ACTION_URL;
    const request = new Request(url, {
      method: "POST",
      body,
      headers: signHubSpotRequest({
        method: "POST",
        url,
        body,
        clientSecret: SECRET,
        timestamp: NOW,
      }),
    });
    expect(accepted(await readSignedRequest(request, options)).rawBody).toBe(body);
  });

  it("keeps a leading BOM and multi-byte characters byte for byte", async () => {
    const body = '\uFEFF{"name":"Zoë 🙂"}';
    const url = ACTION_URL;
    const request = new Request(url, {
      method: "POST",
      body,
      headers: signHubSpotRequest({
        method: "POST",
        url,
        body,
        clientSecret: SECRET,
        timestamp: NOW,
      }),
    });
    expect(accepted(await readSignedRequest(request, options)).rawBody).toBe(body);
  });

  it("refuses a tampered body with 401, before looking at the body (bad JSON gives 401, not 400)", async () => {
    const request = signedWorkflowRequest({
      url: ACTION_URL,
      clientSecret: SECRET,
      payload: PAYLOAD,
      timestamp: NOW,
    });
    for (const body of [JSON.stringify({ ...PAYLOAD, origin: { portalId: 1 } }), "{not json"]) {
      const refused = await refusal(await readSignedRequest(altered(request, { body }), options));
      expect(refused).toMatchObject({
        status: 401,
        reason: "bad_signature",
        type: "application/json; charset=utf-8",
        body: { error: { code: "SIGNATURE_INVALID", details: { reason: "bad_signature" } } },
      });
    }
  });

  it("refuses another method or URL", async () => {
    const request = signedWorkflowRequest({
      url: ACTION_URL,
      clientSecret: SECRET,
      payload: PAYLOAD,
      timestamp: NOW,
    });
    const body = JSON.stringify(PAYLOAD);
    for (const change of [
      { method: "PUT", body },
      { url: ACTION_URL.replace("generate", "verify"), body },
      { url: `${ACTION_URL}?portalId=1`, body },
    ]) {
      const refused = await refusal(await readSignedRequest(altered(request, change), options));
      expect(refused.reason).toBe("bad_signature");
    }
  });

  it("uses the clock option: stale and future timestamps are refused", async () => {
    const make = () =>
      signedWorkflowRequest({
        url: ACTION_URL,
        clientSecret: SECRET,
        payload: PAYLOAD,
        timestamp: NOW,
      });
    const at = (now: number) => ({ clientSecret: SECRET, now: () => now });
    expect((await readSignedRequest(make(), at(NOW + 300_000))).ok).toBe(true);
    expect(await refusal(await readSignedRequest(make(), at(NOW + 300_001)))).toMatchObject({
      status: 401,
      reason: "stale_timestamp",
    });
    expect(await refusal(await readSignedRequest(make(), at(NOW - 300_001)))).toMatchObject({
      status: 401,
      reason: "future_timestamp",
    });
  });

  it("never echoes the signature or the secret in a refusal", async () => {
    const request = signedWorkflowRequest({
      url: ACTION_URL,
      clientSecret: SECRET,
      payload: PAYLOAD,
      timestamp: NOW,
    });
    const signature = request.headers.get("x-hubspot-signature-v3")!;
    const v2 = request.headers.get("x-hubspot-signature")!;
    const result = await readSignedRequest(request, {
      clientSecret: "another-secret",
      now: () => NOW,
    });
    const refused = await refusal(result);
    expect(refused.status).toBe(401);
    for (const secret of [signature, v2, SECRET, "another-secret"]) {
      expect(refused.text).not.toContain(secret);
    }
  });

  it("accepts a v2-only request, unless allowV2 is false", async () => {
    const make = () =>
      signedWorkflowRequest({
        url: ACTION_URL,
        clientSecret: SECRET,
        payload: PAYLOAD,
        versions: ["v2"],
      });
    expect(accepted(await readSignedRequest(make(), options)).version).toBe("v2");
    expect(
      await refusal(await readSignedRequest(make(), { ...options, allowV2: false })),
    ).toMatchObject({ status: 401, reason: "v2_not_allowed" });
  });

  it("refuses a wrong v3 even when v2 is right", async () => {
    const request = signedWorkflowRequest({
      url: ACTION_URL,
      clientSecret: SECRET,
      payload: PAYLOAD,
      timestamp: NOW,
    });
    const other = signedWorkflowRequest({
      url: ACTION_URL,
      clientSecret: SECRET,
      payload: { ...PAYLOAD, callbackId: "ap-other" },
      timestamp: NOW,
    });
    const forged = altered(request, {
      body: JSON.stringify(PAYLOAD),
      headers: { "X-HubSpot-Signature-v3": other.headers.get("x-hubspot-signature-v3")! },
    });
    expect(await refusal(await readSignedRequest(forged, options))).toMatchObject({
      status: 401,
      reason: "bad_signature",
    });
  });

  it("refuses a request without signature headers", async () => {
    const request = new Request(ACTION_URL, { method: "POST", body: JSON.stringify(PAYLOAD) });
    expect(await refusal(await readSignedRequest(request, options))).toMatchObject({
      status: 401,
      reason: "missing_signature",
    });
  });
});

describe("publicUrl, behind a proxy", () => {
  const internal = "http://127.0.0.1:8080/hubspot/actions/generate-otp?source=wf";
  const external = "https://otp.example.com/hubspot/actions/generate-otp?source=wf";
  const forward = (extra: Record<string, string> = {}) => {
    const signed = signedWorkflowRequest({
      url: external,
      clientSecret: SECRET,
      payload: PAYLOAD,
      timestamp: NOW,
    });
    return altered(signed, { url: internal, body: JSON.stringify(PAYLOAD), headers: extra });
  };

  it("checks the URL HubSpot called: publicUrl's origin + the received path and query", async () => {
    expect((await refusal(await readSignedRequest(forward(), options))).reason).toBe(
      "bad_signature",
    );
    const signed = accepted(
      await readSignedRequest(forward(), { ...options, publicUrl: "https://otp.example.com/" }),
    );
    expect(signed.url).toBe(external);
  });

  it("ignores X-Forwarded-Proto and X-Forwarded-Host (anyone can send them)", async () => {
    const request = forward({
      "X-Forwarded-Proto": "https",
      "X-Forwarded-Host": "otp.example.com",
    });
    expect((await refusal(await readSignedRequest(request, options))).reason).toBe("bad_signature");
  });

  it("must be a bare http(s) origin", async () => {
    for (const publicUrl of [
      "otp.example.com",
      "https://otp.example.com/base",
      "https://otp.example.com?x=1",
      "https://user:pw@otp.example.com",
      "ftp://otp.example.com",
      42,
    ]) {
      await expect(
        readSignedRequest(forward(), { ...options, publicUrl: publicUrl as string }),
        String(publicUrl),
      ).rejects.toMatchObject({ code: "CONFIG_INVALID", field: "publicUrl" });
    }
  });
});

describe("arguments", () => {
  const request = () =>
    signedWorkflowRequest({
      url: ACTION_URL,
      clientSecret: SECRET,
      payload: PAYLOAD,
      timestamp: NOW,
    });

  it("refuses a missing client secret without showing it", async () => {
    await expect(readSignedRequest(request(), { clientSecret: "" })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
      field: "clientSecret",
    });
    const error = await readSignedRequest(request(), {
      clientSecret: 987654321 as unknown as string,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFIG_INVALID", field: "clientSecret" });
    expect((error as Error).message).not.toContain("987654321");
  });

  it("refuses bad now and allowV2 options", async () => {
    await expect(
      readSignedRequest(request(), { clientSecret: SECRET, now: 5 as unknown as () => number }),
    ).rejects.toMatchObject({ code: "CONFIG_INVALID", field: "now" });
    await expect(
      readSignedRequest(request(), { clientSecret: SECRET, allowV2: "yes" as unknown as boolean }),
    ).rejects.toMatchObject({ code: "CONFIG_INVALID", field: "allowV2" });
  });

  it("refuses something that is not a Request", async () => {
    await expect(
      readSignedRequest({ url: ACTION_URL } as unknown as Request, options),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT", field: "request" });
  });

  it("refuses a request whose body was already read", async () => {
    const used = request();
    await used.text();
    await expect(readSignedRequest(used, options)).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "request",
    });
  });
});
