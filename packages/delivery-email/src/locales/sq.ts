import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Albanian (informal). */
export const sq: EmailTemplateSet = {
  code: {
    subject: "Kodi yt i verifikimit për {{productName}}",
    greeting: "Përshëndetje {{name}},",
    body: [
      "Ja kodi i verifikimit që kërkove:",
      "{{code}}",
      "Vlefshmëria: {{expiryDuration}} (deri në {{expiryTime}}). Fute atë në faqen ku e kërkove.",
      "Nëse nuk e ke kërkuar këtë kod, mund ta shpërfillësh këtë email: askush nuk mund ta përdorë pa qasje në kutinë tënde postare. Mos ia jep kurrë askujt; {{productName}} nuk do të ta kërkojë kurrë.",
    ].join("\n\n"),
    footer:
      "Ky është një mesazh automatik nga {{productName}}.\nTë duhet ndihmë? Kontakto {{supportContact}}.",
  },
  retry: {
    subject: "Kodi yt i ri i verifikimit për {{productName}}",
    greeting: "Përshëndetje {{name}},",
    body: [
      "U fut një kod i gabuar, prandaj ja një kod i ri. Kodi i mëparshëm nuk funksionon më.",
      "{{code}}",
      "Vlefshmëria: {{expiryDuration}} (deri në {{expiryTime}}).",
      "Nëse nuk po përpiqesh të hysh, mund ta shpërfillësh këtë email. Mos ia jep kurrë askujt këtë kod; {{productName}} nuk do të ta kërkojë kurrë.",
    ].join("\n\n"),
    footer:
      "Ky është një mesazh automatik nga {{productName}}.\nTë duhet ndihmë? Kontakto {{supportContact}}.",
  },
  lockout: {
    subject: "Hyrja në {{productName}} është pezulluar",
    greeting: "Përshëndetje {{name}},",
    body: [
      "U futën shumë kode të gabuara, prandaj e pezulluam hyrjen në llogarinë tënde {{productName}}. Kështu e mbrojmë nga dikush që përpiqet ta hamendësojë kodin.",
      "Mund të provosh sërish pas: {{lockedUntil}}.",
      "Nëse nuk ishe ti, ose të duhet ndihmë tani, kontakto {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ky është një mesazh automatik nga {{productName}}.",
  },
  unlock: {
    subject: "Mund të hysh sërish në {{productName}}",
    greeting: "Përshëndetje {{name}},",
    body: [
      "Pezullimi i hyrjes në {{productName}} ka përfunduar. Mund të kërkosh një kod të ri kur të jesh gati.",
      "Nëse nuk po përpiqeshe të hyje, kontakto {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ky është një mesazh automatik nga {{productName}}.",
  },
};
