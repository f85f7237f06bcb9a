import { afterEach, describe, expect, it } from "vitest";
import type { ConversationApiServer } from "../test/support.js";
import { API_KEY, setup, startConversationApi, wrong } from "../test/support.js";
import { ConversationApiError, createHttpConversationAuth } from "./http-auth.js";

const servers: ConversationApiServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve() {
  const flow = setup();
  const api = await startConversationApi(flow.auth);
  servers.push(api);
  return { flow, api };
}

async function failure(promise: Promise<unknown>): Promise<ConversationApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConversationApiError);
  return error as ConversationApiError;
}

describe("createHttpConversationAuth", () => {
  it("runs the conversation on the server: start, wrong code, right code, status, end", async () => {
    const { flow, api } = await serve();
    const auth = createHttpConversationAuth({ baseUrl: `${api.url}/`, apiKey: API_KEY });
    const started = await auth.start({ conversationId: "c/1", identifier: "4721", locale: "en" });
    expect(started).toEqual({
      state: "pending",
      reply:
        "We sent a verification code to the number ***78 registered in your profile. Please enter the code (expires in 5 minutes).",
    });
    const code = flow.phoneCode();
    expect(await auth.submit({ conversationId: "c/1", text: wrong(code) })).toEqual({
      state: "pending",
      reply: "Incorrect code. You have 2 attempts remaining.",
    });
    expect((await auth.submit({ conversationId: "c/1", text: code })).state).toBe("authenticated");
    // The id travels encoded: "c/1" is one conversation, not a path.
    expect((await flow.auth.status({ conversationId: "c/1" })).state).toBe("authenticated");
    expect((await auth.status({ conversationId: "c/1" })).state).toBe("authenticated");
    expect((await auth.end({ conversationId: "c/1" })).state).toBe("ended");
    expect((await auth.status({ conversationId: "c/1" })).state).toBe("unauthenticated");
  });

  it("maps a refused key to UNAUTHORIZED (401) with a hint to the key", async () => {
    const { api } = await serve();
    const auth = createHttpConversationAuth({ baseUrl: api.url, apiKey: "otpk_wrong" });
    const error = await failure(auth.status({ conversationId: "c2" }));
    expect(error).toMatchObject({ status: 401, code: "UNAUTHORIZED", retryable: false });
    expect(error.message).toContain("OTPKIT_API_KEY");
  });

  it("maps a 400 to its code and field, and a wrong path to NOT_FOUND naming the URL", async () => {
    const { api } = await serve();
    const auth = createHttpConversationAuth({ baseUrl: api.url, apiKey: API_KEY });
    const error = await failure(auth.start({ conversationId: "c3", identifier: "" }));
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_FAILED", field: "identifier" });
    const elsewhere = createHttpConversationAuth({ baseUrl: `${api.url}/nope`, apiKey: API_KEY });
    const missing = await failure(elsewhere.status({ conversationId: "c3" }));
    expect(missing).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(missing.message).toContain("OTPKIT_URL");
  });

  it("reports an unreachable server, a timeout and a foreign answer as retryable or BAD_RESPONSE", async () => {
    const { api } = await serve();
    const url = api.url;
    await api.close();
    servers.length = 0;
    const down = createHttpConversationAuth({ baseUrl: url, apiKey: API_KEY });
    const unreachable = await failure(down.status({ conversationId: "c4" }));
    expect(unreachable).toMatchObject({ status: 0, code: "NETWORK_ERROR", retryable: true });

    const slow = createHttpConversationAuth({
      baseUrl: url,
      apiKey: API_KEY,
      fetch: () => Promise.reject(new DOMException("signal timed out", "TimeoutError")),
    });
    expect(await failure(slow.status({ conversationId: "c4" }))).toMatchObject({
      code: "TIMEOUT",
      retryable: true,
    });
    const html = createHttpConversationAuth({
      baseUrl: url,
      apiKey: API_KEY,
      fetch: async () => new Response("<html>login</html>", { status: 200 }),
    });
    expect(await failure(html.status({ conversationId: "c4" }))).toMatchObject({
      code: "BAD_RESPONSE",
    });
    const proxy = createHttpConversationAuth({
      baseUrl: url,
      apiKey: API_KEY,
      fetch: async () => new Response("Bad gateway", { status: 502 }),
    });
    expect(await failure(proxy.status({ conversationId: "c4" }))).toMatchObject({
      status: 502,
      code: "HTTP_502",
      retryable: true,
    });
  });

  it("refuses bad options and an empty conversation id, naming them", async () => {
    expect(() => createHttpConversationAuth({ baseUrl: "otp.example.com", apiKey: "k" })).toThrow(
      /"baseUrl" expected/,
    );
    expect(() =>
      createHttpConversationAuth({ baseUrl: "https://otp.example.com", apiKey: "Bearer k" }),
    ).toThrow(/"apiKey" expected/);
    expect(() =>
      createHttpConversationAuth({ baseUrl: "https://x.test", apiKey: "k", timeoutMs: 0 }),
    ).toThrow(/"timeoutMs" expected/);
    const auth = createHttpConversationAuth({ baseUrl: "https://x.test", apiKey: "k" });
    expect(await failure(auth.status({ conversationId: "" }))).toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "conversationId",
    });
  });
});
