import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Croatian (formal). */
export const hr: EmailTemplateSet = {
  code: {
    subject: "Vaš {{productName}} kôd za provjeru",
    greeting: "Pozdrav {{name}},",
    body: [
      "Ovo je kôd za provjeru koji ste zatražili:",
      "{{code}}",
      "Valjanost: {{expiryDuration}} (do {{expiryTime}}). Unesite ga na stranici na kojoj ste ga zatražili.",
      "Ako niste zatražili ovaj kôd, možete zanemariti ovu e-poruku: nitko ga ne može upotrijebiti bez pristupa vašem sandučiću. Nikada ga ni s kim ne dijelite; {{productName}} vas ga nikada neće tražiti.",
    ].join("\n\n"),
    footer:
      "Ovo je automatska poruka usluge {{productName}}.\nTrebate pomoć? Obratite se na {{supportContact}}.",
  },
  retry: {
    subject: "Vaš novi {{productName}} kôd za provjeru",
    greeting: "Pozdrav {{name}},",
    body: [
      "Unesen je pogrešan kôd pa vam šaljemo novi. Prethodni kôd više ne vrijedi.",
      "{{code}}",
      "Valjanost: {{expiryDuration}} (do {{expiryTime}}).",
      "Ako se ne pokušavate prijaviti, možete zanemariti ovu e-poruku. Nikada ni s kim ne dijelite ovaj kôd; {{productName}} vas ga nikada neće tražiti.",
    ].join("\n\n"),
    footer:
      "Ovo je automatska poruka usluge {{productName}}.\nTrebate pomoć? Obratite se na {{supportContact}}.",
  },
  lockout: {
    subject: "Prijava u {{productName}} privremeno je zaustavljena",
    greeting: "Pozdrav {{name}},",
    body: [
      "Uneseno je previše pogrešnih kôdova pa smo privremeno zaustavili prijavu na vaš {{productName}} račun. Tako ga štitimo od nekoga tko pokušava pogoditi kôd.",
      "Ponovno možete pokušati nakon: {{lockedUntil}}.",
      "Ako to niste bili vi ili vam je pomoć potrebna odmah, obratite se na {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ovo je automatska poruka usluge {{productName}}.",
  },
  unlock: {
    subject: "Ponovno se možete prijaviti u {{productName}}",
    greeting: "Pozdrav {{name}},",
    body: [
      "Privremena zabrana prijave u {{productName}} je završila. Novi kôd možete zatražiti kad god ste spremni.",
      "Ako se niste pokušavali prijaviti, obratite se na {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ovo je automatska poruka usluge {{productName}}.",
  },
};
