import { createMemoryStore } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { setup } from "../test/support.js";
import { createConversationAuth } from "./conversation-auth.js";
import { createMemoryDirectory } from "./directory.js";

describe("createConversationAuth options", () => {
  const { otp } = setup();
  const base = {
    otp,
    store: createMemoryStore(),
    directory: createMemoryDirectory([], { field: "n" }),
    defaultCountry: "US" as const,
  };

  it.each([
    ["otp", { otp: {} }],
    ["store", { store: {} }],
    ["directory", { directory: {} }],
    ["channelPreference", { channelPreference: "sms" }],
    ["defaultCountry", { defaultCountry: "XX" }],
    ["tenant", { tenant: "a b" }],
    ["purpose", { purpose: "" }],
    ["session.inactivityMs", { session: { inactivityMs: 0 } }],
    ["session.absoluteMs", { session: { absoluteMs: 86_400_001 } }],
    ["messages", { messages: null }],
    ["now", { now: 5 }],
  ])("names %s when it is wrong", (field, bad) => {
    expect(() => createConversationAuth({ ...base, ...(bad as object) })).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID", field }),
    );
  });

  it("rejects a bad conversation id or text as INVALID_ARGUMENT", async () => {
    const auth = createConversationAuth(base);
    await expect(auth.status({ conversationId: "" })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "conversationId",
    });
    await expect(
      auth.submit({ conversationId: "c", text: 5 as unknown as string }),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT", field: "text" });
  });

  it("keeps tenants apart in a shared store", async () => {
    const t = setup({ tenant: "acme" });
    await t.auth.start({ conversationId: "c", identifier: "4721" });
    await t.auth.submit({ conversationId: "c", text: t.phoneCode() });
    const other = createConversationAuth({ ...base, store: t.store, tenant: "globex", now: t.now });
    expect((await other.status({ conversationId: "c" })).state).toBe("unauthenticated");
    expect((await t.auth.status({ conversationId: "c" })).state).toBe("authenticated");
  });
});
