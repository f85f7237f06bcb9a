import { describe, expect, it } from "vitest";
import { CONVERSATION_LOCALES } from "../src/locales/index.js";
import { fill } from "../src/messages.js";
import { setup, wrong } from "./support.js";

// The replies of a whole conversation in the language it started in (or the record's).

describe("a conversation in the locale it names", () => {
  it("speaks Brazilian Portuguese for pt-BR from start to verification", async () => {
    const t = setup();
    const pt = CONVERSATION_LOCALES.pt;
    const started = await t.auth.start({
      conversationId: "c",
      identifier: "4721",
      locale: "pt-BR",
    });
    expect(started.reply).toBe(fill(pt.codeSentPhone, { destination: "***78", minutes: 5 }));
    expect(t.whatsapp.last()?.recipient.locale).toBe("pt-BR");
    const code = t.phoneCode();
    expect((await t.auth.submit({ conversationId: "c", text: "olá" })).reply).toBe(
      fill(pt.malformed, { length: 6 }),
    );
    expect((await t.auth.submit({ conversationId: "c", text: wrong(code) })).reply).toBe(
      fill(pt.incorrectMany, { attempts: 2 }),
    );
    expect(await t.auth.submit({ conversationId: "c", text: code })).toEqual({
      state: "authenticated",
      reply: pt.verified,
    });
    expect((await t.auth.status({ conversationId: "c" })).reply).toBe(pt.sessionActive);
  });

  it("speaks Arabic for ar-EG, and Traditional Chinese for zh-TW", async () => {
    const t = setup();
    const ar = await t.auth.start({ conversationId: "a", identifier: "5100", locale: "ar-EG" });
    expect(ar.reply).toBe(
      fill(CONVERSATION_LOCALES.ar.codeSentEmail, { destination: "l***@example.com", minutes: 5 }),
    );
    const zh = await t.auth.start({ conversationId: "z", identifier: "7300", locale: "zh-TW" });
    expect(zh).toEqual({ state: "no_channel", reply: CONVERSATION_LOCALES["zh-Hant"].noChannel });
  });

  it("falls back to defaultLocale for a language without replies, with its overrides", async () => {
    const t = setup({ defaultLocale: "de", messages: { de: { verified: "Erledigt." } } });
    await t.auth.start({ conversationId: "k", identifier: "4721", locale: "kl" });
    expect(await t.auth.submit({ conversationId: "k", text: t.phoneCode() })).toEqual({
      state: "authenticated",
      reply: "Erledigt.",
    });
  });
});
