import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Lithuanian (formal). */
export const lt: EmailTemplateSet = {
  code: {
    subject: "Jūsų {{productName}} patvirtinimo kodas",
    greeting: "Sveiki, {{name}},",
    body: [
      "Štai jūsų prašytas patvirtinimo kodas:",
      "{{code}}",
      "Galioja: {{expiryDuration}} (iki {{expiryTime}}). Įveskite jį puslapyje, kuriame jo prašėte.",
      "Jei šio kodo neprašėte, galite ignoruoti šį el. laišką: niekas negali jo panaudoti neturėdamas prieigos prie jūsų pašto dėžutės. Niekada niekam jo neatskleiskite; {{productName}} niekada jo iš jūsų neprašys.",
    ].join("\n\n"),
    footer:
      "Tai automatinis {{productName}} pranešimas.\nReikia pagalbos? Susisiekite: {{supportContact}}.",
  },
  retry: {
    subject: "Jūsų naujas {{productName}} patvirtinimo kodas",
    greeting: "Sveiki, {{name}},",
    body: [
      "Buvo įvestas neteisingas kodas, todėl siunčiame naują. Ankstesnis kodas nebegalioja.",
      "{{code}}",
      "Galioja: {{expiryDuration}} (iki {{expiryTime}}).",
      "Jei nebandote prisijungti, galite ignoruoti šį el. laišką. Niekada niekam neatskleiskite šio kodo; {{productName}} niekada jo iš jūsų neprašys.",
    ].join("\n\n"),
    footer:
      "Tai automatinis {{productName}} pranešimas.\nReikia pagalbos? Susisiekite: {{supportContact}}.",
  },
  lockout: {
    subject: "Prisijungimas prie {{productName}} laikinai sustabdytas",
    greeting: "Sveiki, {{name}},",
    body: [
      "Įvesta per daug neteisingų kodų, todėl laikinai sustabdėme prisijungimą prie jūsų {{productName}} paskyros. Taip apsaugome ją nuo bandančiųjų atspėti kodą.",
      "Bandyti dar kartą galėsite po: {{lockedUntil}}.",
      "Jei tai buvote ne jūs arba jums pagalbos reikia dabar, susisiekite: {{supportContact}}.",
    ].join("\n\n"),
    footer: "Tai automatinis {{productName}} pranešimas.",
  },
  unlock: {
    subject: "Vėl galite prisijungti prie {{productName}}",
    greeting: "Sveiki, {{name}},",
    body: [
      "Prisijungimo prie {{productName}} sustabdymas baigėsi. Naujo kodo galite paprašyti bet kada.",
      "Jei nebandėte prisijungti, susisiekite: {{supportContact}}.",
    ].join("\n\n"),
    footer: "Tai automatinis {{productName}} pranešimas.",
  },
};
