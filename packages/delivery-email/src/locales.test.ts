import { OTP_LANGUAGES } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { EMAIL_LOCALES } from "./locales/index.js";
import type { RenderableMessage } from "./render.js";
import { renderEmail } from "./render.js";
import type { EmailTemplate } from "./templates.js";
import { DEFAULT_TEMPLATES, MESSAGE_KINDS } from "./templates.js";

const NOW = Date.UTC(2026, 10, 22, 14, 54);
const options = { productName: "Acme", supportContact: "help@acme.test", now: () => NOW };
const PARTS = ["subject", "greeting", "body", "footer"] as const;

/** The placeholders of each line of each paragraph: the shape a translation must keep. */
function shape(text: string): string[][][] {
  return text
    .split("\n\n")
    .map((p) => p.split("\n").map((line) => [...line.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!)))
    .map((p) => p.map((line) => line.sort()));
}

function message(kind: (typeof MESSAGE_KINDS)[number], locale: string): RenderableMessage {
  return kind === "code" || kind === "retry"
    ? { kind, code: "493817", expiresAt: NOW + 600_000, locale, recipient: { name: "Ana" } }
    : { kind, lockedUntil: NOW + 900_000, locale, recipient: { name: "Ana" } };
}

describe("built-in e-mail templates", () => {
  it("exist for every language of OTP_LANGUAGES (58)", () => {
    expect(Object.keys(EMAIL_LOCALES).sort()).toEqual(OTP_LANGUAGES.map((l) => l.tag).sort());
    expect(Object.keys(EMAIL_LOCALES).length).toBeGreaterThanOrEqual(55);
    expect(DEFAULT_TEMPLATES).toBe(EMAIL_LOCALES);
  });

  describe.each(OTP_LANGUAGES.map((l) => [l.tag, l.dir] as const))("%s", (tag, dir) => {
    const set = EMAIL_LOCALES[tag];

    it("has every part of every kind, none empty, with the placeholders of the English one", () => {
      for (const kind of MESSAGE_KINDS) {
        for (const part of PARTS) {
          const text = set[kind][part as keyof EmailTemplate];
          const english = EMAIL_LOCALES.en[kind][part as keyof EmailTemplate];
          expect(text.trim(), `${kind}.${part}`).not.toBe("");
          expect(text, `${kind}.${part}`).toBe(text.trim());
          // Same paragraphs and lines with the same placeholders: a line whose value is missing
          // (no support contact, no expiry) is left out, so each line must carry the same ones.
          expect(shape(text), `${kind}.${part}`).toEqual(shape(english));
          if (tag !== "en" && part !== "greeting")
            expect(text, `${kind}.${part}`).not.toBe(english);
        }
        const paragraphs = set[kind].body.split("\n\n");
        if (kind === "code" || kind === "retry") expect(paragraphs[1]).toBe("{{code}}");
        expect(set[kind].subject).not.toContain("{{code}}");
      }
    });

    it(`renders every kind as ${dir}, the code left to right, and nothing left unfilled`, () => {
      for (const kind of MESSAGE_KINDS) {
        const email = renderEmail(message(kind, tag), options);
        expect(email.locale).toBe(tag);
        expect(email.html).toContain(`<html lang="${tag}" dir="${dir}">`);
        expect(email.html).toContain(`lang="${tag}" dir="${dir}" style="max-width:560px;`);
        for (const text of [email.subject, email.text, email.html]) {
          expect(text).not.toMatch(/\{\{|\}\}/);
        }
        expect(email.subject).toContain("Acme");
        expect(email.text).toContain("help@acme.test");
        if (kind === "code" || kind === "retry") {
          expect(email.text).toContain("\n\n493817\n\n");
          expect(email.html).toMatch(/<span dir="ltr" style="[^"]*">493817<\/span>/);
        } else {
          expect(email.text).not.toContain("493817");
        }
        // The plain-text part carries no direction marks: mail clients lay it out themselves.
        expect(email.text).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      }
    });

    it("greets without a name, and drops the lines whose values are missing", () => {
      const email = renderEmail(
        { kind: "code", code: "493817", locale: tag, recipient: {} },
        { productName: "Acme" },
      );
      expect(email.text).not.toMatch(/^[\s,،、，:;!.]/u);
      expect(email.text).not.toMatch(/\{\{|\}\}/);
      // No expiry: the expiry paragraph goes; no support contact: the footer's help line goes.
      expect(email.text.split("\n\n").length).toBeLessThan(
        renderEmail(message("code", tag), options).text.split("\n\n").length,
      );
      expect(email.text.trimEnd().split("\n").at(-1)).toContain("Acme");
    });
  });
});

describe("greetings without a name", () => {
  const greeting = (tag: string) =>
    renderEmail({ kind: "unlock", locale: tag, recipient: {} }, options).text.split("\n\n")[0];

  it.each([
    ["en", "Hi,"],
    ["es", "Hola:"],
    ["ar", "مرحبًا،"],
    ["hu", "Üdvözöljük!"],
    ["ko", "안녕하세요."],
    ["zh", "您好："],
    ["zh-Hant", "您好："],
    ["th", "สวัสดีคุณ"],
  ])("%s → %s", (tag, expected) => {
    expect(greeting(tag)).toBe(expected);
  });

  it("leaves the greeting out where it is only the name (ja: {{name}}様)", () => {
    expect(greeting("ja")).toBe(
      EMAIL_LOCALES.ja.unlock.body.split("\n\n")[0]!.replace("{{productName}}", "Acme"),
    );
  });
});

describe("locale fallbacks", () => {
  it.each([
    ["pt-BR", "pt-BR", "Seu código de verificação do Acme"],
    ["es-MX", "es-MX", "Tu código de verificación de Acme"],
    ["zh-TW", "zh-TW", "您的 Acme 驗證碼"],
    ["zh-HK", "zh-HK", "您的 Acme 驗證碼"],
    ["zh-CN", "zh-CN", "您的 Acme 验证码"],
    ["no", "nb", "Bekreftelseskoden din for Acme"],
    ["tl", "fil", "Ang iyong verification code para sa Acme"],
    ["de-AT", "de-AT", "Ihr Bestätigungscode für Acme"],
    ["kl", "en", "Your Acme verification code"],
  ])("%s is written in %s", (locale, lang, subject) => {
    const email = renderEmail(message("code", locale), options);
    expect(email).toMatchObject({ locale: lang, subject });
  });

  it("writes Hebrew right to left for the old code iw", () => {
    const email = renderEmail(message("code", "iw"), options);
    expect(email.locale).toBe("he");
    expect(email.html).toContain('<html lang="he" dir="rtl">');
  });
});

describe("overrides per language", () => {
  it("replace single parts of a built-in language, and of a region on top of its language", () => {
    const templates = {
      fr: { code: { subject: "Votre code Acme, enfin" } },
      "pt-BR": { code: { footer: "Mensagem automática da Acme." } },
    };
    const fr = renderEmail(message("code", "fr-CA"), { ...options, templates });
    expect(fr.subject).toBe("Votre code Acme, enfin");
    expect(fr.text).toContain("Voici le code de vérification que vous avez demandé :");
    const br = renderEmail(message("code", "pt-BR"), { ...options, templates });
    expect(br.subject).toBe("Seu código de verificação do Acme");
    expect(br.text.trimEnd().endsWith("Mensagem automática da Acme.")).toBe(true);
    // Portugal keeps the built-in footer: the override was for Brazil.
    const pt = renderEmail(message("code", "pt-PT"), { ...options, templates });
    expect(pt.text).toContain("Esta é uma mensagem automática do Acme.");
  });

  it("are checked like any template: a translation must keep the code in the body", () => {
    expect(() =>
      renderEmail(message("code", "de"), {
        ...options,
        templates: { de: { code: { body: "Ihr Code kommt gleich." } } },
      }),
    ).toThrow(expect.objectContaining({ code: "CONFIG_INVALID", field: "templates.de.code.body" }));
  });
});
