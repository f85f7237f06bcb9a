import type { PageStrings } from "../page-strings.js";

/** The hosted page: Swedish. */
export const sv: PageStrings = {
  title: "Ange din verifieringskod",
  endedTitle: "Verifieringskod",
  introTo: "Vi har skickat en kod till {destination}.",
  intro: "Ange koden som vi skickade till dig.",
  label: "Verifieringskod",
  hint: "Mellanslag och bindestreck går bra.",
  submit: "Verifiera",
  invalidOne: "Koden stämmer inte. 1 försök kvar.",
  invalidMany: "Koden stämmer inte. {attempts} försök kvar.",
  resentToOne: "Vi har skickat en ny kod till {destination}. Ange den nya koden (1 försök).",
  resentTo: "Vi har skickat en ny kod till {destination}. Ange den nya koden ({attempts} försök).",
  resentOne: "Vi har skickat en ny kod. Ange den nya koden (1 försök).",
  resent: "Vi har skickat en ny kod. Ange den nya koden ({attempts} försök).",
  wrongThen: "Koden stämmer inte. {next}",
  resendPrompt: "Fick du ingen kod?",
  resendButton: "Skicka en ny kod",
  waitSecond: "Du kan begära en ny kod om 1 sekund.",
  waitSeconds: "Du kan begära en ny kod om {seconds} sekunder.",
  waitMinute: "Du kan begära en ny kod om 1 minut.",
  waitMinutes: "Du kan begära en ny kod om {minutes} minuter.",
  resendFailed: "Vi kunde inte skicka någon ny kod. Försök igen om en minut.",
  malformedDigits: "Ange den {length}-siffriga koden.",
  malformedLetters: "Ange koden med {length} tecken (bokstäver).",
  malformedAlphanumeric: "Ange koden med {length} tecken (bokstäver och siffror).",
  exhausted: "För många felaktiga försök med den här koden. Begär en ny kod.",
  expired: "Koden har gått ut. Begär en ny kod.",
  lockedOne:
    "För många misslyckade försök. Inloggningen är pausad; försök igen om 1 minut (efter {time} UTC).",
  locked:
    "För många misslyckade försök. Inloggningen är pausad; försök igen om {minutes} minuter (efter {time} UTC).",
  lockedContact:
    "För många misslyckade försök. Inloggningen är spärrad tills supporten låser upp den; kontakta {support}.",
  lockedSupport:
    "För många misslyckade försök. Inloggningen är spärrad tills supporten låser upp den; kontakta supporten.",
  notFound: "Koden är inte längre giltig. Begär en ny kod.",
  verifiedTitle: "Du är verifierad",
  verified: "Tack, koden stämmer. Du kan stänga den här sidan.",
  continue: "Fortsätt",
  unknownTitle: "Länken är inte giltig",
  unknown: "Länken kan vara felskriven, eller så har begäran avbrutits.",
  cancelled: "Verifieringen har avbrutits. Begär en ny kod.",
  tooMany: "För många förfrågningar från ditt nätverk. Vänta en minut och försök igen.",
  badForm: "Formuläret har gått ut. Ladda om sidan och ange koden igen.",
};
