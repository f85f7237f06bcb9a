import { describe, expect, it } from "vitest";
import type { RenderableMessage } from "./render.js";
import { escapeHtml, renderEmail } from "./render.js";
import { EN_TEMPLATES, ES_TEMPLATES } from "./templates.js";

const NOW = Date.UTC(2026, 10, 22, 14, 54);
const base = { productName: "Acme", supportContact: "help@acme.test", now: () => NOW };
const code = (overrides: Partial<RenderableMessage> = {}): RenderableMessage => ({
  kind: "code",
  code: "493817",
  expiresAt: NOW + 600_000,
  locale: "en",
  recipient: { name: "Ana" },
  ...overrides,
});

describe("renderEmail", () => {
  it("renders subject, text and a complete accessible HTML document", () => {
    const email = renderEmail(code(), base);
    expect(email.subject).toBe("Your Acme verification code");
    expect(email.locale).toBe("en");
    expect(email.text.split("\n\n")).toEqual([
      "Hi Ana,",
      "Here is the verification code you asked for:",
      "493817",
      expect.stringMatching(/^It expires in 10 minutes \(at 3:04\sPM UTC\)\. Enter it/),
      expect.stringContaining("Never share it with anyone; Acme will never ask you for it."),
      "This is an automated message from Acme.\nNeed help? Contact help@acme.test.\n",
    ]);
    expect(email.html).toMatch(/^<!DOCTYPE html>\n<html lang="en" dir="ltr">/);
    expect(email.html).toContain('<meta charset="utf-8">');
    expect(email.html).toContain("<title>Your Acme verification code</title>");
    expect(email.html).toMatch(
      /<span dir="ltr" style="[^"]*font-family:ui-monospace[^"]*font-size:32px[^"]*">493817<\/span>/,
    );
    // No images, no links, no remote resources, no scripts, no <style> blocks.
    expect(email.html).not.toMatch(/<img|<a\s|<link|<script|<style|url\(|https?:/i);
  });

  it("uses ttlMs for the duration and expiresAt for the time", () => {
    const email = renderEmail(
      code({ ttlMs: 60_000, expiresAt: Date.UTC(2026, 0, 1, 9, 30) }),
      base,
    );
    expect(email.text).toMatch(/It expires in 1 minute \(at 9:30\sAM UTC\)/);
  });

  it("formats times in the configured time zone", () => {
    const email = renderEmail(code(), { ...base, timeZone: "Europe/Madrid" });
    expect(email.text).toMatch(/\(at 4:04\sPM GMT\+1\)/);
  });

  it("drops the expiry line when the message has no expiry, and the support line without a contact", () => {
    const email = renderEmail(code({ expiresAt: undefined }), { productName: "Acme" });
    expect(email.text).not.toContain("expires");
    expect(email.text).not.toContain("Need help");
    expect(email.text).toContain("This is an automated message from Acme.");
  });

  it("greets without a name when there is none (or it looks like a link)", () => {
    for (const name of [
      undefined,
      "",
      "   ",
      "Visit https://evil.example",
      "www.evil.example",
      "x".repeat(65),
    ]) {
      const en = renderEmail(code({ recipient: { name } }), base);
      expect(en.text.startsWith("Hi,\n\n")).toBe(true);
      const es = renderEmail(code({ recipient: { name }, locale: "es" }), base);
      expect(es.text.startsWith("Hola:\n\n")).toBe(true);
    }
  });

  it("escapes every value in the HTML part and keeps it literal in the text part", () => {
    const name = `<b>"Ana" & 'Bob'</b>`;
    const email = renderEmail(code({ recipient: { name } }), {
      ...base,
      productName: `A&B <Labs>`,
      supportContact: `"help"@acme.test`,
    });
    expect(email.text).toContain(`Hi ${name},`);
    expect(email.html).toContain("Hi &lt;b&gt;&quot;Ana&quot; &amp; &#39;Bob&#39;&lt;/b&gt;,");
    expect(email.html).toContain("A&amp;B &lt;Labs&gt;");
    expect(email.html).toContain("&quot;help&quot;@acme.test");
    expect(email.html).not.toContain("<b>");
    expect(email.html).not.toContain("<Labs>");
    expect(email.subject).toBe("Your A&B <Labs> verification code");
    expect(email.html).toContain("<title>Your A&amp;B &lt;Labs&gt; verification code</title>");
  });

  it("escapes template text too: templates are plain text, not HTML", () => {
    const email = renderEmail(code(), {
      ...base,
      templates: { en: { code: { body: "<i>Code</i>: {{code}} & more" } } },
    });
    expect(email.html).toContain("&lt;i&gt;Code&lt;/i&gt;: <strong");
    expect(email.html).toContain("493817</strong> &amp; more");
  });

  it("resolves locales es-MX → es → defaultLocale → en", () => {
    expect(renderEmail(code({ locale: "es-MX" }), base)).toMatchObject({
      subject: "Tu código de verificación de Acme",
      locale: "es-MX",
    });
    expect(renderEmail(code({ locale: "ES" }), base).locale).toBe("es");
    // Kalaallisut (kl) has no built-in templates.
    expect(renderEmail(code({ locale: "kl" }), base)).toMatchObject({
      subject: "Your Acme verification code",
      locale: "en",
    });
    expect(renderEmail(code({ locale: "kl-GL" }), { ...base, defaultLocale: "es" })).toMatchObject({
      subject: "Tu código de verificación de Acme",
      locale: "es",
    });
    // A malformed tag is ignored, not an error.
    expect(renderEmail(code({ locale: "<script>" }), base).locale).toBe("en");
  });

  it("uses custom locales and overrides, with fallback per kind", () => {
    const options = {
      ...base,
      templates: {
        kl: { code: { subject: "Kode {{productName}}", body: "Kodeqarfik:\n\n{{code}}" } },
        en: { lockout: { subject: "Locked out of {{productName}}" } },
      },
    };
    const kl = renderEmail(code({ locale: "kl-GL" }), options);
    expect(kl).toMatchObject({ subject: "Kode Acme", locale: "kl-GL" });
    expect(kl.text).toBe("Kodeqarfik:\n\n493817\n");
    expect(kl.html).toContain('<html lang="kl-GL" dir="ltr">');
    // kl has no lockout: English, with the English override applied and the rest built in.
    const lockout = renderEmail(
      { kind: "lockout", locale: "kl", recipient: {}, lockedUntil: NOW },
      options,
    );
    expect(lockout.subject).toBe("Locked out of Acme");
    expect(lockout.text).toContain(
      EN_TEMPLATES.lockout.body.split("\n\n")[0]!.replace("{{productName}}", "Acme"),
    );
    expect(lockout.locale).toBe("en");
  });

  it("marks right-to-left languages, custom ones too", () => {
    const email = renderEmail(code({ locale: "ps" }), {
      ...base,
      templates: { ps: { code: { subject: "{{productName}} کوډ", body: "{{code}}" } } },
    });
    expect(email.html).toContain('<html lang="ps" dir="rtl">');
    expect(email.text).toBe("493817\n");
  });

  it("renders lockout and unlock without a code, whatever the message carries", () => {
    const lockout = renderEmail(
      {
        kind: "lockout",
        code: "493817",
        lockedUntil: Date.UTC(2026, 10, 22, 16, 30),
        locale: "es",
        recipient: {},
      },
      base,
    );
    expect(lockout.subject).toBe("El inicio de sesión en Acme está en pausa");
    expect(lockout.text).toMatch(/a partir de: 22 nov 2026, 16:30 UTC\./);
    expect(lockout.text).toContain("escribe a help@acme.test");
    const unlock = renderEmail(
      { kind: "unlock", code: "493817", locale: "en", recipient: {} },
      base,
    );
    expect(unlock.subject).toBe("You can sign in to Acme again");
    for (const email of [lockout, unlock]) {
      expect(`${email.subject}${email.text}${email.html}`).not.toContain("493817");
    }
  });

  it("renders the retry message with its new code", () => {
    const email = renderEmail(code({ kind: "retry", code: "ABCD23" }), base);
    expect(email.subject).toBe("Your new Acme verification code");
    expect(email.text).toContain("\n\nABCD23\n\n");
  });

  it("refuses malformed messages without echoing the code", () => {
    const cases: Array<[RenderableMessage, string, string]> = [
      [code({ code: undefined }), "INVALID_ARGUMENT", "code"],
      [code({ code: "49 38\r\n17" }), "INVALID_ARGUMENT", "code"],
      [code({ code: "x".repeat(65) }), "INVALID_ARGUMENT", "code"],
      [code({ expiresAt: Number.NaN }), "INVALID_ARGUMENT", "expiresAt"],
      [code({ kind: "promo" as "code" }), "INVALID_ARGUMENT", "kind"],
      [code({ recipient: { name: "Ana\r\nBcc: x@y.z" } }), "RECIPIENT_INVALID", "recipient.name"],
    ];
    for (const [message, errorCode, field] of cases) {
      let thrown: unknown;
      try {
        renderEmail(message, base);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: errorCode, field, source: "email" });
      expect(String((thrown as Error).message)).not.toContain("49 38");
    }
  });
});

describe("template and option validation (at construction)", () => {
  const invalid = (options: Record<string, unknown>, field: string) => {
    expect(() => renderEmail(code(), { ...base, ...options } as never)).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID", field }),
    );
  };

  it("names the field at fault", () => {
    invalid({ productName: "" }, "productName");
    invalid({ productName: "A\nB" }, "productName");
    invalid({ supportContact: "x".repeat(201) }, "supportContact");
    invalid({ defaultLocale: "english!" }, "defaultLocale");
    invalid({ timeZone: "Mars/Olympus" }, "timeZone");
    invalid({ templates: "nope" }, "templates");
    invalid({ templates: { "not a locale": {} } }, "templates.not a locale");
    invalid({ templates: { en: { promo: { subject: "x" } } } }, "templates.en.promo");
    invalid({ templates: { en: { code: { preheader: "x" } } } }, "templates.en.code.preheader");
    invalid({ templates: { en: { code: { subject: 42 } } } }, "templates.en.code.subject");
    invalid({ templates: { en: { code: { subject: "" } } } }, "templates.en.code.subject");
    invalid(
      { templates: { en: { code: { greeting: "Hi\n{{name}}" } } } },
      "templates.en.code.greeting",
    );
    invalid(
      { templates: { en: { code: { body: "Code {{code}}\r\n" } } } },
      "templates.en.code.body",
    );
    invalid({ templates: { en: { code: { body: "No code here" } } } }, "templates.en.code.body");
    invalid({ templates: { en: { code: { body: "{{ code }}" } } } }, "templates.en.code.body");
    invalid(
      { templates: { en: { code: { body: "{{code}} {{secret}}" } } } },
      "templates.en.code.body",
    );
    invalid(
      { templates: { en: { lockout: { body: "Your code {{code}}" } } } },
      "templates.en.lockout.body",
    );
    invalid(
      { templates: { en: { unlock: { footer: "{{lockedUntil}}" } } } },
      "templates.en.unlock.footer",
    );
    invalid({ templates: { kl: { code: { subject: "Kode" } } } }, "templates.kl.code.body");
  });

  it("explains a code placeholder in a message that has no code", () => {
    expect(() =>
      renderEmail(code(), { ...base, templates: { en: { lockout: { body: "{{code}}" } } } }),
    ).toThrow(
      /"templates\.en\.lockout\.body" expected placeholders valid for "lockout" messages.*carry no code/,
    );
  });

  it("allows the code in the subject when a team opts in", () => {
    const email = renderEmail(code(), {
      ...base,
      templates: { en: { code: { subject: "{{code}} is your {{productName}} code" } } },
    });
    expect(email.subject).toBe("493817 is your Acme code");
  });
});

describe("built-in templates", () => {
  it("cover every kind in English and Spanish with the four parts", () => {
    for (const set of [EN_TEMPLATES, ES_TEMPLATES]) {
      for (const kind of ["code", "retry", "lockout", "unlock"] as const) {
        expect(Object.keys(set[kind]).sort()).toEqual(["body", "footer", "greeting", "subject"]);
        expect(set[kind].subject).not.toContain("{{code}}");
      }
    }
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });
});
