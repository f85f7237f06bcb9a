import type { PageStrings } from "../page-strings.js";

/** The hosted page: Croatian (formal). */
export const hr: PageStrings = {
  title: "Unesite kôd za potvrdu",
  endedTitle: "Kôd za potvrdu",
  introTo: "Kôd smo poslali na: {destination}.",
  intro: "Unesite kôd koji smo vam poslali.",
  label: "Kôd za potvrdu",
  hint: "Razmaci i crtice su dopušteni.",
  submit: "Potvrdi",
  invalidOne: "Kôd nije točan. Preostao je još 1 pokušaj.",
  invalidMany: "Kôd nije točan. Preostalo pokušaja: {attempts}.",
  replacedTo:
    "Taj je kôd zamijenjen. Upotrijebite najnoviji kôd koji smo poslali na: {destination}.",
  replaced: "Taj je kôd zamijenjen. Upotrijebite najnoviji kôd koji smo vam poslali.",
  resentToOne: "Novi kôd poslali smo na: {destination}. Unesite novi kôd (1 pokušaj).",
  resentTo: "Novi kôd poslali smo na: {destination}. Unesite novi kôd (broj pokušaja: {attempts}).",
  resentOne: "Poslali smo novi kôd. Unesite novi kôd (1 pokušaj).",
  resent: "Poslali smo novi kôd. Unesite novi kôd (broj pokušaja: {attempts}).",
  wrongThen: "Kôd nije točan. {next}",
  resendPrompt: "Niste primili kôd?",
  resendButton: "Pošalji novi kôd",
  waitSecond: "Novi kôd možete zatražiti za 1 s.",
  waitSeconds: "Novi kôd možete zatražiti za {seconds} s.",
  waitMinute: "Novi kôd možete zatražiti za 1 min.",
  waitMinutes: "Novi kôd možete zatražiti za {minutes} min.",
  resendFailed: "Nismo uspjeli poslati novi kôd. Pokušajte ponovno za minutu.",
  malformedDigits: "Unesite kôd (broj znamenki: {length}).",
  malformedLetters: "Unesite kôd (broj slova: {length}).",
  malformedAlphanumeric: "Unesite kôd (broj znakova: {length}; slova i znamenke).",
  exhausted: "Previše pogrešnih pokušaja s ovim kôdom. Zatražite novi kôd.",
  expired: "Ovaj je kôd istekao. Zatražite novi kôd.",
  lockedOne:
    "Previše neuspjelih pokušaja. Prijava je privremeno zaustavljena; pokušajte ponovno za 1 min (nakon {time} UTC).",
  locked:
    "Previše neuspjelih pokušaja. Prijava je privremeno zaustavljena; pokušajte ponovno za {minutes} min (nakon {time} UTC).",
  lockedContact:
    "Previše neuspjelih pokušaja. Prijava je zaključana dok je podrška ne otključa; obratite se na {support}.",
  lockedSupport:
    "Previše neuspjelih pokušaja. Prijava je zaključana dok je podrška ne otključa; obratite se podršci.",
  notFound: "Ovaj kôd više ne vrijedi. Zatražite novi kôd.",
  verifiedTitle: "Potvrda je uspjela",
  verified: "Hvala, kôd je točan. Možete zatvoriti ovu stranicu.",
  continue: "Nastavi",
  unknownTitle: "Ova poveznica nije valjana",
  unknown: "Poveznica je možda pogrešno upisana ili je zahtjev otkazan.",
  cancelled: "Ova je potvrda otkazana. Zatražite novi kôd.",
  tooMany: "Previše zahtjeva iz vaše mreže. Pričekajte minutu i pokušajte ponovno.",
  badForm: "Obrazac je istekao. Ponovno učitajte stranicu i opet unesite kôd.",
};
