import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Afrikaans. */
export const af: EmailTemplateSet = {
  code: {
    subject: "Jou {{productName}}-verifikasiekode",
    greeting: "Hallo {{name}},",
    body: [
      "Hier is die verifikasiekode waarvoor jy gevra het:",
      "{{code}}",
      "Dit verval oor {{expiryDuration}} (om {{expiryTime}}). Voer dit in op die bladsy waar jy daarvoor gevra het.",
      "As jy nie vir hierdie kode gevra het nie, kan jy hierdie e-pos ignoreer: niemand kan dit gebruik sonder toegang tot jou inkassie nie. Moet dit nooit met iemand deel nie; {{productName}} sal jou nooit daarvoor vra nie.",
    ].join("\n\n"),
    footer:
      "Hierdie is 'n outomatiese boodskap van {{productName}}.\nHulp nodig? Kontak {{supportContact}}.",
  },
  retry: {
    subject: "Jou nuwe {{productName}}-verifikasiekode",
    greeting: "Hallo {{name}},",
    body: [
      "'n Kode is verkeerd ingevoer, so hier is 'n nuwe een. Die vorige kode werk nie meer nie.",
      "{{code}}",
      "Dit verval oor {{expiryDuration}} (om {{expiryTime}}).",
      "As jy nie probeer aanmeld nie, kan jy hierdie e-pos ignoreer. Moet hierdie kode nooit met iemand deel nie; {{productName}} sal jou nooit daarvoor vra nie.",
    ].join("\n\n"),
    footer:
      "Hierdie is 'n outomatiese boodskap van {{productName}}.\nHulp nodig? Kontak {{supportContact}}.",
  },
  lockout: {
    subject: "Aanmelding by {{productName}} is gepouseer",
    greeting: "Hallo {{name}},",
    body: [
      "Te veel verkeerde kodes is ingevoer, daarom het ons aanmelding by jou {{productName}}-rekening gepouseer. Dit beskerm jou rekening teen iemand wat die kode probeer raai.",
      "Jy kan weer probeer ná {{lockedUntil}}.",
      "As dit nie jy was nie, of as jy nou hulp nodig het, kontak {{supportContact}}.",
    ].join("\n\n"),
    footer: "Hierdie is 'n outomatiese boodskap van {{productName}}.",
  },
  unlock: {
    subject: "Jy kan weer by {{productName}} aanmeld",
    greeting: "Hallo {{name}},",
    body: [
      "Die pouse op aanmelding by {{productName}} is verby. Jy kan 'n nuwe kode aanvra wanneer jy gereed is.",
      "As jy nie probeer aanmeld het nie, kontak {{supportContact}}.",
    ].join("\n\n"),
    footer: "Hierdie is 'n outomatiese boodskap van {{productName}}.",
  },
};
