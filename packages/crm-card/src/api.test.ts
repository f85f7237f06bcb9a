import { hubspot } from "@hubspot/ui-extensions";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOtpkitApi, newRequestId } from "./api.js";
import { cardStatus, FIXTURE_NOW, generated } from "./card/card-fixtures.js";

const BASE = "https://otp.example.com";
const RID = "0b6c1e9e-4a8e-4c54-9d7e-1f0f5d2a7c11";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function answer(response: Response | Error) {
  return vi
    .spyOn(hubspot, "fetch")
    .mockImplementation(() =>
      response instanceof Error ? Promise.reject(response) : Promise.resolve(response),
    );
}

describe("createOtpkitApi: what it asks", () => {
  it("GETs the status for a contact through hubspot.fetch", async () => {
    const fetch = answer(json(200, cardStatus()));
    await createOtpkitApi(`${BASE}/`).cardStatus(123);
    expect(fetch).toHaveBeenCalledWith(`${BASE}/hubspot/card/status?contactId=123`, {
      method: "GET",
    });
  });

  it("keeps a base path and encodes the contact id", async () => {
    const fetch = answer(json(200, cardStatus()));
    await createOtpkitApi("https://example.com/otp/").cardStatus("1 2");
    expect(fetch.mock.calls[0]?.[0]).toBe(
      "https://example.com/otp/hubspot/card/status?contactId=1%202",
    );
  });

  it("POSTs generate, resend and regenerate with the contact, the requestId and the address", async () => {
    const fetch = answer(json(200, generated()));
    const api = createOtpkitApi(BASE);
    await api.generate(123, RID);
    await api.resend(123, RID, "ana@example.com");
    await api.regenerate("123", RID);
    expect(fetch.mock.calls).toEqual([
      [
        `${BASE}/hubspot/card/generate`,
        { method: "POST", body: { contactId: "123", requestId: RID } },
      ],
      [
        `${BASE}/hubspot/card/resend`,
        {
          method: "POST",
          body: { contactId: "123", requestId: RID, confirmedEmail: "ana@example.com" },
        },
      ],
      [
        `${BASE}/hubspot/card/regenerate`,
        { method: "POST", body: { contactId: "123", requestId: RID } },
      ],
    ]);
  });

  it("calls the settings routes", async () => {
    const fetch = answer(json(200, {}));
    const api = createOtpkitApi(BASE);
    await api.getSettings();
    await api.properties();
    await api.properties(true);
    await api.preview({ expiryMinutes: 10 }, "es");
    expect(fetch.mock.calls.map(([url, options]) => [url, options?.method])).toEqual([
      [`${BASE}/hubspot/settings`, "GET"],
      [`${BASE}/hubspot/settings/properties`, "GET"],
      [`${BASE}/hubspot/settings/properties?refresh=1`, "GET"],
      [`${BASE}/hubspot/settings/preview`, "POST"],
    ]);
    expect(fetch.mock.calls[3]?.[1]?.body).toEqual({ expiryMinutes: 10, locale: "es" });
  });

  it("uses the fetch it is given instead of hubspot.fetch", async () => {
    const spy = answer(json(500, {}));
    const own = vi.fn(() => Promise.resolve(json(200, cardStatus())));
    const result = await createOtpkitApi(BASE, own).cardStatus(1);
    expect(result.ok).toBe(true);
    expect(own).toHaveBeenCalledTimes(1);
    expect(spy).not.toHaveBeenCalled();
  });

  it("refuses a base URL that is not absolute http(s), naming BACKEND_URL", () => {
    expect(() => createOtpkitApi("otp.example.com")).toThrow(TypeError);
    expect(() => createOtpkitApi("ftp://otp.example.com")).toThrow(/BACKEND_URL/);
    expect(() => createOtpkitApi("")).toThrow(/absolute URL/);
  });
});

describe("createOtpkitApi: what it answers", () => {
  it("200: the status", async () => {
    answer(json(200, cardStatus()));
    expect(await createOtpkitApi(BASE).cardStatus(123)).toEqual({
      ok: true,
      status: 200,
      data: cardStatus(),
    });
  });

  it("200 / 409 / 423 with an outcome are answers, not failures", async () => {
    const api = createOtpkitApi(BASE);
    answer(json(200, generated()));
    expect(await api.generate(1, RID)).toMatchObject({
      ok: true,
      status: 200,
      data: { outcome: "generated" },
    });
    vi.restoreAllMocks();
    const throttled = {
      outcome: "throttled",
      reason: "cooldown",
      retryAfter: 30,
      nextSendAt: FIXTURE_NOW + 30_000,
      replayed: false,
    };
    answer(json(409, throttled));
    expect(await api.resend(1, RID, "a@example.com")).toEqual({
      ok: true,
      status: 409,
      data: throttled,
    });
    vi.restoreAllMocks();
    const locked = { outcome: "locked", lockedUntil: null, retryAfter: null, replayed: false };
    answer(json(423, locked));
    expect(await api.regenerate(1, RID)).toEqual({ ok: true, status: 423, data: locked });
  });

  it("409 RECIPIENT_CHANGED: a failure carrying the new address (or null)", async () => {
    const api = createOtpkitApi(BASE);
    const error = { code: "RECIPIENT_CHANGED", message: "The contact's e-mail address changed" };
    answer(json(409, { error, recipientEmail: "new@example.com" }));
    expect(await api.resend(1, RID, "old@example.com")).toEqual({
      ok: false,
      status: 409,
      ...error,
      recipientEmail: "new@example.com",
    });
    vi.restoreAllMocks();
    answer(json(409, { error, recipientEmail: null }));
    expect(await api.resend(1, RID, "old@example.com")).toMatchObject({ recipientEmail: null });
  });

  it("an error body: its code, message, string fieldErrors and retryAfter", async () => {
    answer(
      json(400, {
        error: { code: "BAD_REQUEST", message: "The request does not fit this route" },
        fieldErrors: { requestId: "Send a requestId", other: 3 },
      }),
    );
    expect(await createOtpkitApi(BASE).generate(1, "x")).toEqual({
      ok: false,
      status: 400,
      code: "BAD_REQUEST",
      message: "The request does not fit this route",
      fieldErrors: { requestId: "Send a requestId" },
    });
    vi.restoreAllMocks();
    answer(json(503, { error: { code: "STORE_UNAVAILABLE", message: "busy" }, retryAfter: 2 }));
    expect(await createOtpkitApi(BASE).cardStatus(1)).toEqual({
      ok: false,
      status: 503,
      code: "STORE_UNAVAILABLE",
      message: "busy",
      retryAfter: 2,
    });
  });

  it("no connection: NETWORK, status 0, a sentence for the agent", async () => {
    answer(new TypeError("fetch failed"));
    const result = await createOtpkitApi(BASE).generate(1, RID);
    expect(result).toMatchObject({ ok: false, status: 0, code: "NETWORK" });
    expect(!result.ok && result.message).toMatch(/could not be reached/);
  });

  it("the dev proxy's envelope: BAD_ANSWER with the backend's status", async () => {
    answer(json(502, { category: "BAD_GATEWAY", appServerStatusCode: 500, message: "x" }));
    expect(await createOtpkitApi(BASE).cardStatus(1)).toMatchObject({
      ok: false,
      status: 500,
      code: "BAD_ANSWER",
    });
  });

  it("a body that is not a JSON object: BAD_ANSWER with the status", async () => {
    answer(new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(await createOtpkitApi(BASE).cardStatus(1)).toMatchObject({
      ok: false,
      status: 502,
      code: "BAD_ANSWER",
    });
    vi.restoreAllMocks();
    answer(json(200, [1, 2]));
    expect(await createOtpkitApi(BASE).cardStatus(1)).toMatchObject({ code: "BAD_ANSWER" });
  });

  it("an issue answer without an outcome is not taken for a code", async () => {
    answer(json(200, { hello: "world" }));
    expect(await createOtpkitApi(BASE).generate(1, RID)).toMatchObject({
      ok: false,
      status: 200,
      code: "BAD_ANSWER",
    });
    vi.restoreAllMocks();
    answer(json(409, { outcome: 1 }));
    expect(await createOtpkitApi(BASE).generate(1, RID)).toMatchObject({ code: "BAD_ANSWER" });
  });
});

describe("newRequestId", () => {
  it("is a fresh id the server accepts, each time", () => {
    const ids = new Set(Array.from({ length: 50 }, () => newRequestId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
  });

  it("uses getRandomValues where randomUUID is missing", () => {
    const real = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    const id = newRequestId();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(newRequestId()).not.toBe(id);
  });
});
