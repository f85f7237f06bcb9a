import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Slovenian (formal). */
export const sl: EmailTemplateSet = {
  code: {
    subject: "Vaša potrditvena koda za {{productName}}",
    greeting: "Pozdravljeni, {{name}},",
    body: [
      "Tukaj je potrditvena koda, ki ste jo zahtevali:",
      "{{code}}",
      "Veljavnost: {{expiryDuration}} (do {{expiryTime}}). Vnesite jo na strani, kjer ste jo zahtevali.",
      "Če te kode niste zahtevali, lahko to e-poštno sporočilo prezrete: brez dostopa do vašega nabiralnika je nihče ne more uporabiti. Nikoli je ne delite z nikomer; {{productName}} vas je ne bo nikoli vprašal zanjo.",
    ].join("\n\n"),
    footer:
      "To je samodejno sporočilo storitve {{productName}}.\nPotrebujete pomoč? Obrnite se na {{supportContact}}.",
  },
  retry: {
    subject: "Vaša nova potrditvena koda za {{productName}}",
    greeting: "Pozdravljeni, {{name}},",
    body: [
      "Vnesena je bila napačna koda, zato vam pošiljamo novo. Prejšnja koda ne deluje več.",
      "{{code}}",
      "Veljavnost: {{expiryDuration}} (do {{expiryTime}}).",
      "Če se ne poskušate prijaviti, lahko to e-poštno sporočilo prezrete. Te kode nikoli ne delite z nikomer; {{productName}} vas ne bo nikoli vprašal zanjo.",
    ].join("\n\n"),
    footer:
      "To je samodejno sporočilo storitve {{productName}}.\nPotrebujete pomoč? Obrnite se na {{supportContact}}.",
  },
  lockout: {
    subject: "Prijava v {{productName}} je začasno ustavljena",
    greeting: "Pozdravljeni, {{name}},",
    body: [
      "Vnesenih je bilo preveč napačnih kod, zato smo začasno ustavili prijavo v vaš račun {{productName}}. Tako ga ščitimo pred nekom, ki poskuša uganiti kodo.",
      "Znova lahko poskusite po: {{lockedUntil}}.",
      "Če to niste bili vi ali potrebujete pomoč takoj, se obrnite na {{supportContact}}.",
    ].join("\n\n"),
    footer: "To je samodejno sporočilo storitve {{productName}}.",
  },
  unlock: {
    subject: "V {{productName}} se lahko znova prijavite",
    greeting: "Pozdravljeni, {{name}},",
    body: [
      "Začasna ustavitev prijave v {{productName}} se je končala. Novo kodo lahko zahtevate, kadar koli želite.",
      "Če se niste poskušali prijaviti, se obrnite na {{supportContact}}.",
    ].join("\n\n"),
    footer: "To je samodejno sporočilo storitve {{productName}}.",
  },
};
