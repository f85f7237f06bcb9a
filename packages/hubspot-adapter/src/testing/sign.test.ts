import { afterEach, describe, expect, it, vi } from "vitest";
import { signedFetchRequest, signedWorkflowRequest, signHubSpotRequest } from "./sign.js";

const SECRET = "f6e94c08-85d0-4608-bcc6-e1850176e7b8";

describe("signHubSpotRequest", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("produces HubSpot's headers, matching the official vectors", () => {
    expect(
      signHubSpotRequest({
        method: "POST",
        url: "https://www.hubspot.com/webhook",
        body: "REQUEST_BODY",
        clientSecret: SECRET,
        timestamp: 1632188626483,
      }),
    ).toEqual({
      "X-HubSpot-Signature-v3": "jf872r5vscVcxCiDRHA4rGrqe/8BPLNVkdJSHdMnGTU=",
      "X-HubSpot-Request-Timestamp": "1632188626483",
      "X-HubSpot-Signature": "57bb01a6e6ac92919b5e715d68f40265328701bbf1cf3fd73772887069945766",
      "X-HubSpot-Signature-Version": "v2",
    });
    expect(
      signHubSpotRequest({
        method: "GET",
        url: "https://hubspot.com/?appId=1&portalId=2&userId=3",
        clientSecret: "12345678-aaaa-bbbb-cccc-ddddeeeeffff",
        timestamp: 1111111111,
        versions: ["v3"],
      }),
    ).toEqual({
      "X-HubSpot-Signature-v3": "zTfXjo07jfzGouo4wvyAj3qEMUTVJ0PPYPACrluQtQI=",
      "X-HubSpot-Request-Timestamp": "1111111111",
    });
  });

  it("signs only v2 when asked (a request as the workflow docs describe it)", () => {
    const headers = signHubSpotRequest({
      method: "POST",
      url: "https://www.hubspot.com/webhook",
      body: "REQUEST_BODY",
      clientSecret: SECRET,
      versions: ["v2"],
    });
    expect(Object.keys(headers).sort()).toEqual([
      "X-HubSpot-Signature",
      "X-HubSpot-Signature-Version",
    ]);
  });

  it("stamps the current time by default", () => {
    vi.spyOn(Date, "now").mockReturnValue(1_700_000_000_000);
    const headers = signHubSpotRequest({
      method: "GET",
      url: "https://x.test/",
      clientSecret: SECRET,
    });
    expect(headers["X-HubSpot-Request-Timestamp"]).toBe("1700000000000");
  });

  it("refuses an empty secret (without showing it) and a bad timestamp", () => {
    expect(() =>
      signHubSpotRequest({ method: "GET", url: "https://x.test/", clientSecret: "" }),
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", field: "clientSecret" }));
    expect(() =>
      signHubSpotRequest({
        method: "GET",
        url: "https://x.test/",
        clientSecret: SECRET,
        timestamp: 1.5,
      }),
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", field: "timestamp" }));
  });
});

describe("signedWorkflowRequest", () => {
  it("POSTs the payload as JSON with both signatures", async () => {
    const payload = { callbackId: "ap-1", origin: { portalId: 5 } };
    const request = signedWorkflowRequest({
      url: "https://otp.example.com/hubspot/actions/verify-otp",
      clientSecret: SECRET,
      payload,
      timestamp: 1_767_225_600_000,
    });
    expect(request.method).toBe("POST");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.get("x-hubspot-signature-version")).toBe("v2");
    expect(request.headers.get("x-hubspot-request-timestamp")).toBe("1767225600000");
    expect(await request.text()).toBe(JSON.stringify(payload));
  });
});

describe("signedFetchRequest", () => {
  const query = { appId: 1, portalId: 2, userId: 3, userEmail: "jane@example.org" };

  it("appends the identity after the card's own query, which stays as written", () => {
    const request = signedFetchRequest({
      url: "https://otp.example.com/hubspot/card?q=a%20b#frag",
      clientSecret: SECRET,
      query,
    });
    expect(request.url).toBe(
      "https://otp.example.com/hubspot/card?q=a%20b&appId=1&portalId=2&userId=3&userEmail=jane%40example.org",
    );
    expect(request.method).toBe("GET");
    expect(request.headers.get("content-type")).toBeNull();
  });

  it("starts the query when the URL has none", () => {
    for (const url of ["https://otp.example.com/card", "https://otp.example.com/card?"]) {
      const request = signedFetchRequest({ url, clientSecret: SECRET, query });
      expect(request.url).toBe(
        "https://otp.example.com/card?appId=1&portalId=2&userId=3&userEmail=jane%40example.org",
      );
    }
  });

  it("sends a JSON body for POST, and refuses one for GET or DELETE", async () => {
    const request = signedFetchRequest({
      url: "https://otp.example.com/card",
      method: "POST",
      clientSecret: SECRET,
      query,
      body: { contactId: "5101" },
    });
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await request.text()).toBe('{"contactId":"5101"}');
    for (const method of ["GET", "DELETE"] as const) {
      expect(() =>
        signedFetchRequest({
          url: "https://otp.example.com/card",
          method,
          clientSecret: SECRET,
          query,
          body: {},
        }),
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", field: "body" }));
    }
  });
});
