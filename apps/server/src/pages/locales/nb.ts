import type { PageStrings } from "../page-strings.js";

/** The hosted page: Norwegian Bokmål (also for `no` and `nn`). */
export const nb: PageStrings = {
  title: "Skriv inn bekreftelseskoden din",
  endedTitle: "Bekreftelseskode",
  introTo: "Vi har sendt en kode til {destination}.",
  intro: "Skriv inn koden vi sendte deg.",
  label: "Bekreftelseskode",
  hint: "Mellomrom og bindestreker går fint.",
  submit: "Bekreft",
  invalidOne: "Koden er feil. 1 forsøk igjen.",
  invalidMany: "Koden er feil. {attempts} forsøk igjen.",
  replacedTo: "Den koden er erstattet: bruk den nyeste koden vi sendte til {destination}.",
  replaced: "Den koden er erstattet: bruk den nyeste koden vi sendte deg.",
  resentToOne: "Vi har sendt en ny kode til {destination}. Skriv inn den nye koden (1 forsøk).",
  resentTo:
    "Vi har sendt en ny kode til {destination}. Skriv inn den nye koden ({attempts} forsøk).",
  resentOne: "Vi har sendt en ny kode. Skriv inn den nye koden (1 forsøk).",
  resent: "Vi har sendt en ny kode. Skriv inn den nye koden ({attempts} forsøk).",
  wrongThen: "Koden er feil. {next}",
  resendPrompt: "Fikk du ikke koden?",
  resendButton: "Send en ny kode",
  waitSecond: "Du kan be om en ny kode om 1 sekund.",
  waitSeconds: "Du kan be om en ny kode om {seconds} sekunder.",
  waitMinute: "Du kan be om en ny kode om 1 minutt.",
  waitMinutes: "Du kan be om en ny kode om {minutes} minutter.",
  resendFailed: "Vi kunne ikke sende en ny kode. Prøv igjen om et minutt.",
  malformedDigits: "Skriv inn den {length}-sifrede koden.",
  malformedLetters: "Skriv inn koden på {length} tegn (bokstaver).",
  malformedAlphanumeric: "Skriv inn koden på {length} tegn (bokstaver og tall).",
  exhausted: "For mange feil forsøk med denne koden. Be om en ny kode.",
  expired: "Koden har utløpt. Be om en ny kode.",
  lockedOne:
    "For mange mislykkede forsøk. Innloggingen er satt på pause; prøv igjen om 1 minutt (etter kl. {time} UTC).",
  locked:
    "For mange mislykkede forsøk. Innloggingen er satt på pause; prøv igjen om {minutes} minutter (etter kl. {time} UTC).",
  lockedContact:
    "For mange mislykkede forsøk. Innloggingen er sperret til kundestøtte låser den opp; kontakt {support}.",
  lockedSupport:
    "For mange mislykkede forsøk. Innloggingen er sperret til kundestøtte låser den opp; kontakt kundestøtte.",
  notFound: "Koden er ikke lenger gyldig. Be om en ny kode.",
  verifiedTitle: "Du er bekreftet",
  verified: "Takk, koden er riktig. Du kan lukke denne siden.",
  continue: "Fortsett",
  unknownTitle: "Lenken er ikke gyldig",
  unknown: "Lenken kan være skrevet feil, eller forespørselen er avbrutt.",
  cancelled: "Bekreftelsen ble avbrutt. Be om en ny kode.",
  tooMany: "For mange forespørsler fra nettverket ditt. Vent et minutt og prøv igjen.",
  badForm: "Skjemaet har utløpt. Last inn siden på nytt og skriv inn koden igjen.",
};
