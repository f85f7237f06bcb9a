import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Slovak (formal). */
export const sk: EmailTemplateSet = {
  code: {
    subject: "Váš overovací kód pre {{productName}}",
    greeting: "Dobrý deň, {{name}},",
    body: [
      "Tu je overovací kód, o ktorý ste požiadali:",
      "{{code}}",
      "Platnosť: {{expiryDuration}} (do {{expiryTime}}). Zadajte ho na stránke, kde ste oň požiadali.",
      "Ak ste o tento kód nežiadali, môžete tento e-mail ignorovať: bez prístupu do vašej schránky ho nikto nemôže použiť. Nikdy ho nikomu neprezrádzajte; {{productName}} vás oň nikdy nepožiada.",
    ].join("\n\n"),
    footer:
      "Toto je automatická správa od {{productName}}.\nPotrebujete pomoc? Kontaktujte {{supportContact}}.",
  },
  retry: {
    subject: "Váš nový overovací kód pre {{productName}}",
    greeting: "Dobrý deň, {{name}},",
    body: [
      "Bol zadaný nesprávny kód, preto vám posielame nový. Predchádzajúci kód už neplatí.",
      "{{code}}",
      "Platnosť: {{expiryDuration}} (do {{expiryTime}}).",
      "Ak sa nepokúšate prihlásiť, môžete tento e-mail ignorovať. Tento kód nikdy nikomu neprezrádzajte; {{productName}} vás oň nikdy nepožiada.",
    ].join("\n\n"),
    footer:
      "Toto je automatická správa od {{productName}}.\nPotrebujete pomoc? Kontaktujte {{supportContact}}.",
  },
  lockout: {
    subject: "Prihlasovanie do {{productName}} je pozastavené",
    greeting: "Dobrý deň, {{name}},",
    body: [
      "Bolo zadaných príliš veľa nesprávnych kódov, preto sme pozastavili prihlasovanie do vášho účtu {{productName}}. Chránime ho tak pred niekým, kto sa snaží kód uhádnuť.",
      "Znova to môžete skúsiť po: {{lockedUntil}}.",
      "Ak ste to neboli vy alebo potrebujete pomoc hneď, kontaktujte {{supportContact}}.",
    ].join("\n\n"),
    footer: "Toto je automatická správa od {{productName}}.",
  },
  unlock: {
    subject: "Do {{productName}} sa môžete znova prihlásiť",
    greeting: "Dobrý deň, {{name}},",
    body: [
      "Pozastavenie prihlasovania do {{productName}} sa skončilo. O nový kód môžete požiadať, kedykoľvek budete pripravení.",
      "Ak ste sa nepokúšali prihlásiť, kontaktujte {{supportContact}}.",
    ].join("\n\n"),
    footer: "Toto je automatická správa od {{productName}}.",
  },
};
