import type { ConversationMessages } from "../messages.js";

/** Conversation replies: German (formal "Sie"). */
export const de: ConversationMessages = {
  codeSentPhone:
    "Wir haben einen Bestätigungscode an die in Ihrem Profil hinterlegte Nummer {destination} gesendet. Bitte geben Sie den Code ein (gültig für {minutes} Minuten).",
  codeSentEmail:
    "Wir haben einen Bestätigungscode an die in Ihrem Profil hinterlegte E-Mail-Adresse {destination} gesendet. Bitte geben Sie den Code ein (gültig für {minutes} Minuten).",
  codeSentGeneric:
    "Wenn die Angaben zu einem Eintrag passen, haben wir einen Bestätigungscode an den dort hinterlegten Kontakt gesendet. Bitte geben Sie den Code ein (gültig für {minutes} Minuten).",
  incorrectMany: "Falscher Code. Sie haben noch {attempts} Versuche.",
  incorrectOne: "Falscher Code. Sie haben noch 1 Versuch.",
  incorrectResentMany:
    "Falscher Code. Wir haben Ihnen einen neuen Code gesendet. Bitte geben Sie diesen ein. Sie haben noch {attempts} Versuche.",
  incorrectResentOne:
    "Falscher Code. Wir haben Ihnen einen neuen Code gesendet. Bitte geben Sie diesen ein. Sie haben noch 1 Versuch.",
  replaced:
    "Dieser Code wurde durch einen neueren ersetzt. Bitte geben Sie den neuesten Code ein, den wir Ihnen gesendet haben.",
  cancelled:
    "Falscher Code. Aus Sicherheitsgründen wurde die Bestätigung abgebrochen. Schreiben Sie mir erneut, um neu zu beginnen.",
  expired:
    "Der Code ist abgelaufen. Bitte schreiben Sie mir erneut, dann sende ich Ihnen einen neuen.",
  malformed:
    "Das sieht nicht nach einem Bestätigungscode aus. Bitte geben Sie den {length}-stelligen Code ein, den wir Ihnen gesendet haben.",
  verified: "Identität bestätigt.",
  throttled:
    "Gerade eben wurde ein Code gesendet. Bitte warten Sie {seconds} Sekunden und schreiben Sie mir dann erneut.",
  locked:
    "Aus Sicherheitsgründen ist die Bestätigung für dieses Profil pausiert. Bitte versuchen Sie es später erneut.",
  pending: "Bitte geben Sie den Bestätigungscode ein, den wir Ihnen gesendet haben.",
  notStarted:
    "Es läuft keine Bestätigung. Nennen Sie mir Ihre Kennung, dann sende ich Ihnen einen Code.",
  sessionExpired:
    "Ihre Sitzung ist abgelaufen. Bitte bestätigen Sie Ihre Identität erneut, um fortzufahren.",
  sessionActive: "Ihre Identität ist bestätigt.",
  sessionEnded: "Ihre Sitzung wurde beendet.",
  noChannel:
    "Wir können keinen Bestätigungscode senden: In Ihrem Profil ist weder eine Telefonnummer noch eine E-Mail-Adresse hinterlegt. Bitte wenden Sie sich an den Support.",
};
