import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Czech (formal). */
export const cs: EmailTemplateSet = {
  code: {
    subject: "Váš ověřovací kód pro {{productName}}",
    greeting: "Dobrý den, {{name}},",
    body: [
      "Zde je ověřovací kód, o který jste požádali:",
      "{{code}}",
      "Doba platnosti: {{expiryDuration}} (do {{expiryTime}}). Zadejte ho na stránce, kde jste o něj požádali.",
      "Pokud jste o tento kód nežádali, můžete tento e-mail ignorovat: bez přístupu do vaší schránky ho nikdo nemůže použít. Nikdy ho nikomu nesdělujte; {{productName}} vás o něj nikdy nepožádá.",
    ].join("\n\n"),
    footer:
      "Toto je automatická zpráva od {{productName}}.\nPotřebujete pomoc? Kontaktujte {{supportContact}}.",
  },
  retry: {
    subject: "Váš nový ověřovací kód pro {{productName}}",
    greeting: "Dobrý den, {{name}},",
    body: [
      "Byl zadán nesprávný kód, proto vám posíláme nový. Předchozí kód už neplatí.",
      "{{code}}",
      "Doba platnosti: {{expiryDuration}} (do {{expiryTime}}).",
      "Pokud se nepokoušíte přihlásit, můžete tento e-mail ignorovat. Tento kód nikdy nikomu nesdělujte; {{productName}} vás o něj nikdy nepožádá.",
    ].join("\n\n"),
    footer:
      "Toto je automatická zpráva od {{productName}}.\nPotřebujete pomoc? Kontaktujte {{supportContact}}.",
  },
  lockout: {
    subject: "Přihlašování do {{productName}} je pozastaveno",
    greeting: "Dobrý den, {{name}},",
    body: [
      "Bylo zadáno příliš mnoho nesprávných kódů, proto jsme pozastavili přihlašování k vašemu účtu {{productName}}. Chráníme ho tak před tím, kdo se snaží kód uhodnout.",
      "Znovu to můžete zkusit po {{lockedUntil}}.",
      "Pokud jste to nebyli vy nebo potřebujete pomoc hned, kontaktujte {{supportContact}}.",
    ].join("\n\n"),
    footer: "Toto je automatická zpráva od {{productName}}.",
  },
  unlock: {
    subject: "Do {{productName}} se opět můžete přihlásit",
    greeting: "Dobrý den, {{name}},",
    body: [
      "Pozastavení přihlašování do {{productName}} skončilo. O nový kód můžete požádat, kdykoli budete připraveni.",
      "Pokud jste se nepokoušeli přihlásit, kontaktujte {{supportContact}}.",
    ].join("\n\n"),
    footer: "Toto je automatická zpráva od {{productName}}.",
  },
};
