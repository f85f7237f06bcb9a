import type { PageStrings } from "../page-strings.js";

/** The hosted page: Danish. */
export const da: PageStrings = {
  title: "Indtast din bekræftelseskode",
  endedTitle: "Bekræftelseskode",
  introTo: "Vi har sendt en kode til {destination}.",
  intro: "Indtast den kode, vi har sendt dig.",
  label: "Bekræftelseskode",
  hint: "Mellemrum og bindestreger er i orden.",
  submit: "Bekræft",
  invalidOne: "Koden er forkert. 1 forsøg tilbage.",
  invalidMany: "Koden er forkert. {attempts} forsøg tilbage.",
  resentToOne: "Vi har sendt en ny kode til {destination}. Indtast den nye kode (1 forsøg).",
  resentTo: "Vi har sendt en ny kode til {destination}. Indtast den nye kode ({attempts} forsøg).",
  resentOne: "Vi har sendt en ny kode. Indtast den nye kode (1 forsøg).",
  resent: "Vi har sendt en ny kode. Indtast den nye kode ({attempts} forsøg).",
  wrongThen: "Koden er forkert. {next}",
  resendPrompt: "Har du ikke fået koden?",
  resendButton: "Send en ny kode",
  waitSecond: "Du kan bede om en ny kode om 1 sekund.",
  waitSeconds: "Du kan bede om en ny kode om {seconds} sekunder.",
  waitMinute: "Du kan bede om en ny kode om 1 minut.",
  waitMinutes: "Du kan bede om en ny kode om {minutes} minutter.",
  resendFailed: "Vi kunne ikke sende en ny kode. Prøv igen om et minut.",
  malformedDigits: "Indtast den {length}-cifrede kode.",
  malformedLetters: "Indtast koden på {length} tegn (bogstaver).",
  malformedAlphanumeric: "Indtast koden på {length} tegn (bogstaver og tal).",
  exhausted: "For mange forkerte forsøg med denne kode. Bed om en ny kode.",
  expired: "Koden er udløbet. Bed om en ny kode.",
  lockedOne:
    "For mange mislykkede forsøg. Login er sat på pause; prøv igen om 1 minut (efter kl. {time} UTC).",
  locked:
    "For mange mislykkede forsøg. Login er sat på pause; prøv igen om {minutes} minutter (efter kl. {time} UTC).",
  lockedContact:
    "For mange mislykkede forsøg. Login er spærret, indtil support låser det op; kontakt {support}.",
  lockedSupport:
    "For mange mislykkede forsøg. Login er spærret, indtil support låser det op; kontakt support.",
  notFound: "Koden er ikke længere gyldig. Bed om en ny kode.",
  verifiedTitle: "Du er bekræftet",
  verified: "Tak, din kode er korrekt. Du kan lukke denne side.",
  continue: "Fortsæt",
  unknownTitle: "Linket er ikke gyldigt",
  unknown: "Linket er måske skrevet forkert, eller anmodningen er annulleret.",
  cancelled: "Bekræftelsen er annulleret. Bed om en ny kode.",
  tooMany: "For mange anmodninger fra dit netværk. Vent et minut, og prøv igen.",
  badForm: "Formularen er udløbet. Genindlæs siden, og indtast koden igen.",
};
