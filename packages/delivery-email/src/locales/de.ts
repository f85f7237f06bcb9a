import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: German (formal "Sie"). */
export const de: EmailTemplateSet = {
  code: {
    subject: "Ihr Bestätigungscode für {{productName}}",
    greeting: "Hallo {{name}},",
    body: [
      "Hier ist der Bestätigungscode, den Sie angefordert haben:",
      "{{code}}",
      "Er läuft in {{expiryDuration}} ab (um {{expiryTime}}). Geben Sie ihn auf der Seite ein, auf der Sie ihn angefordert haben.",
      "Wenn Sie diesen Code nicht angefordert haben, können Sie diese E-Mail ignorieren: Ohne Zugriff auf Ihr Postfach kann niemand ihn verwenden. Geben Sie ihn niemals weiter; {{productName}} wird Sie nie danach fragen.",
    ].join("\n\n"),
    footer:
      "Dies ist eine automatische Nachricht von {{productName}}.\nBrauchen Sie Hilfe? Wenden Sie sich an {{supportContact}}.",
  },
  retry: {
    subject: "Ihr neuer Bestätigungscode für {{productName}}",
    greeting: "Hallo {{name}},",
    body: [
      "Es wurde ein falscher Code eingegeben, deshalb erhalten Sie hier einen neuen. Der vorherige Code ist nicht mehr gültig.",
      "{{code}}",
      "Er läuft in {{expiryDuration}} ab (um {{expiryTime}}).",
      "Wenn Sie gerade nicht versuchen, sich anzumelden, können Sie diese E-Mail ignorieren. Geben Sie diesen Code niemals weiter; {{productName}} wird Sie nie danach fragen.",
    ].join("\n\n"),
    footer:
      "Dies ist eine automatische Nachricht von {{productName}}.\nBrauchen Sie Hilfe? Wenden Sie sich an {{supportContact}}.",
  },
  lockout: {
    subject: "Die Anmeldung bei {{productName}} ist pausiert",
    greeting: "Hallo {{name}},",
    body: [
      "Es wurden zu viele falsche Codes eingegeben, deshalb haben wir die Anmeldung bei Ihrem {{productName}}-Konto pausiert. So schützen wir es vor jemandem, der den Code zu erraten versucht.",
      "Sie können es nach {{lockedUntil}} erneut versuchen.",
      "Wenn Sie das nicht waren oder jetzt Hilfe brauchen, wenden Sie sich an {{supportContact}}.",
    ].join("\n\n"),
    footer: "Dies ist eine automatische Nachricht von {{productName}}.",
  },
  unlock: {
    subject: "Sie können sich wieder bei {{productName}} anmelden",
    greeting: "Hallo {{name}},",
    body: [
      "Die Pause bei der Anmeldung bei {{productName}} ist vorbei. Sie können jederzeit einen neuen Code anfordern.",
      "Wenn Sie nicht versucht haben, sich anzumelden, wenden Sie sich an {{supportContact}}.",
    ].join("\n\n"),
    footer: "Dies ist eine automatische Nachricht von {{productName}}.",
  },
};
