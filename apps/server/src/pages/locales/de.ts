import type { PageStrings } from "../page-strings.js";

/** The hosted page: German (formal "Sie"). */
export const de: PageStrings = {
  title: "Geben Sie Ihren Bestätigungscode ein",
  endedTitle: "Bestätigungscode",
  introTo: "Wir haben einen Code an {destination} gesendet.",
  intro: "Geben Sie den Code ein, den wir Ihnen gesendet haben.",
  label: "Bestätigungscode",
  hint: "Leerzeichen und Bindestriche sind erlaubt.",
  submit: "Bestätigen",
  invalidOne: "Der Code ist nicht richtig. Noch 1 Versuch.",
  invalidMany: "Der Code ist nicht richtig. Noch {attempts} Versuche.",
  replacedTo:
    "Dieser Code wurde ersetzt: Verwenden Sie den neuesten Code, den wir an {destination} gesendet haben.",
  replaced:
    "Dieser Code wurde ersetzt: Verwenden Sie den neuesten Code, den wir Ihnen gesendet haben.",
  resentToOne:
    "Wir haben einen neuen Code an {destination} gesendet. Geben Sie den neuen Code ein (1 Versuch).",
  resentTo:
    "Wir haben einen neuen Code an {destination} gesendet. Geben Sie den neuen Code ein ({attempts} Versuche).",
  resentOne: "Wir haben einen neuen Code gesendet. Geben Sie den neuen Code ein (1 Versuch).",
  resent:
    "Wir haben einen neuen Code gesendet. Geben Sie den neuen Code ein ({attempts} Versuche).",
  wrongThen: "Der Code ist nicht richtig. {next}",
  resendPrompt: "Keinen Code erhalten?",
  resendButton: "Neuen Code senden",
  waitSecond: "Einen neuen Code können Sie in 1 Sekunde anfordern.",
  waitSeconds: "Einen neuen Code können Sie in {seconds} Sekunden anfordern.",
  waitMinute: "Einen neuen Code können Sie in 1 Minute anfordern.",
  waitMinutes: "Einen neuen Code können Sie in {minutes} Minuten anfordern.",
  resendFailed: "Wir konnten keinen neuen Code senden. Versuchen Sie es in einer Minute erneut.",
  malformedDigits: "Geben Sie den {length}-stelligen Code ein.",
  malformedLetters: "Geben Sie den {length}-stelligen Code ein (Buchstaben).",
  malformedAlphanumeric: "Geben Sie den {length}-stelligen Code ein (Buchstaben und Ziffern).",
  exhausted: "Zu viele falsche Versuche mit diesem Code. Fordern Sie einen neuen Code an.",
  expired: "Dieser Code ist abgelaufen. Fordern Sie einen neuen Code an.",
  lockedOne:
    "Zu viele fehlgeschlagene Versuche. Die Anmeldung ist pausiert; versuchen Sie es in 1 Minute erneut (nach {time} UTC).",
  locked:
    "Zu viele fehlgeschlagene Versuche. Die Anmeldung ist pausiert; versuchen Sie es in {minutes} Minuten erneut (nach {time} UTC).",
  lockedContact:
    "Zu viele fehlgeschlagene Versuche. Die Anmeldung ist gesperrt, bis der Support sie freigibt; wenden Sie sich an {support}.",
  lockedSupport:
    "Zu viele fehlgeschlagene Versuche. Die Anmeldung ist gesperrt, bis der Support sie freigibt; wenden Sie sich an den Support.",
  notFound: "Dieser Code ist nicht mehr gültig. Fordern Sie einen neuen Code an.",
  verifiedTitle: "Sie sind bestätigt",
  verified: "Danke, Ihr Code ist richtig. Sie können diese Seite schließen.",
  continue: "Weiter",
  unknownTitle: "Dieser Link ist ungültig",
  unknown: "Der Link ist vielleicht falsch geschrieben, oder die Anfrage wurde abgebrochen.",
  cancelled: "Diese Bestätigung wurde abgebrochen. Fordern Sie einen neuen Code an.",
  tooMany:
    "Zu viele Anfragen aus Ihrem Netzwerk. Warten Sie eine Minute und versuchen Sie es erneut.",
  badForm:
    "Das Formular ist abgelaufen. Laden Sie die Seite neu und geben Sie den Code erneut ein.",
};
