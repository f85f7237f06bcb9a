import { createHash, createHmac } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ACTION_URL, accepted, NOW, options, refusal, SECRET } from "./signed-request.fixtures.js";
import { MAX_SIGNED_BODY_BYTES, readSignedRequest } from "./signed-request.js";
import { signHubSpotRequest } from "./testing/sign.js";

// Pass-through spies: the real hashing runs, and a test can see that none ran.
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  return { ...real, createHmac: vi.fn(real.createHmac), createHash: vi.fn(real.createHash) };
});

describe("the body limit (1 MiB), checked before hashing", () => {
  const hmac = vi.mocked(createHmac);
  const hash = vi.mocked(createHash);
  beforeEach(() => {
    hmac.mockClear();
    hash.mockClear();
  });

  it("accepts exactly 1 MiB", async () => {
    const body = "x".repeat(MAX_SIGNED_BODY_BYTES);
    const request = new Request(ACTION_URL, {
      method: "POST",
      body,
      headers: signHubSpotRequest({
        method: "POST",
        url: ACTION_URL,
        body,
        clientSecret: SECRET,
        timestamp: NOW,
      }),
    });
    expect(accepted(await readSignedRequest(request, options)).rawBody.length).toBe(body.length);
  });

  it("refuses 1 MiB + 1 byte with 413, without hashing", async () => {
    const body = "x".repeat(MAX_SIGNED_BODY_BYTES + 1);
    const headers = signHubSpotRequest({
      method: "POST",
      url: ACTION_URL,
      body,
      clientSecret: SECRET,
      timestamp: NOW,
    });
    hmac.mockClear();
    hash.mockClear();
    const request = new Request(ACTION_URL, { method: "POST", body, headers });
    expect(await refusal(await readSignedRequest(request, options))).toMatchObject({
      status: 413,
      reason: "body_too_large",
      body: { error: { code: "PAYLOAD_TOO_LARGE" } },
    });
    expect(hmac).not.toHaveBeenCalled();
    expect(hash).not.toHaveBeenCalled();
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    let pulls = 0;
    // highWaterMark 0: the stream is pulled only when someone reads it.
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls++;
          controller.enqueue(new Uint8Array(1024));
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(ACTION_URL, {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { "Content-Length": String(MAX_SIGNED_BODY_BYTES + 1) },
    } as RequestInit);
    expect((await refusal(await readSignedRequest(request, options))).status).toBe(413);
    expect(pulls).toBe(0);
    expect(hmac).not.toHaveBeenCalled();
  });

  it("stops reading an endless body past the limit", async () => {
    let pulls = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request(ACTION_URL, {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await refusal(await readSignedRequest(request, options))).status).toBe(413);
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThanOrEqual(MAX_SIGNED_BODY_BYTES / (64 * 1024) + 2);
    expect(hmac).not.toHaveBeenCalled();
  });

  it("refuses bytes that are not UTF-8 with 400 (two byte strings must not become one text)", async () => {
    const request = new Request(ACTION_URL, {
      method: "POST",
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
      headers: signHubSpotRequest({
        method: "POST",
        url: ACTION_URL,
        body: "{\uFFFD}",
        clientSecret: SECRET,
        timestamp: NOW,
      }),
    });
    expect(await refusal(await readSignedRequest(request, options))).toMatchObject({
      status: 400,
      reason: "body_not_utf8",
      body: { error: { code: "BODY_NOT_UTF8" } },
    });
  });
});
