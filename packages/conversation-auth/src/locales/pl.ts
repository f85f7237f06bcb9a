import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Polish (informal, gender-neutral wording). */
export const pl: ConversationMessages = {
  codeSentPhone:
    "Wysłaliśmy kod weryfikacyjny na numer {destination} zapisany w Twoim profilu. Wpisz kod (ważny przez {minutes} min).",
  codeSentEmail:
    "Wysłaliśmy kod weryfikacyjny na adres e-mail {destination} zapisany w Twoim profilu. Wpisz kod (ważny przez {minutes} min).",
  codeSentGeneric:
    "Jeśli dane pasują do jakiegoś profilu, wysłaliśmy kod weryfikacyjny na zapisany w nim kontakt. Wpisz kod (ważny przez {minutes} min).",
  incorrectMany: "Nieprawidłowy kod. Pozostałe próby: {attempts}.",
  incorrectOne: "Nieprawidłowy kod. Pozostała 1 próba.",
  incorrectResentMany:
    "Nieprawidłowy kod. Wysłaliśmy Ci nowy kod. Wpisz go. Pozostałe próby: {attempts}.",
  incorrectResentOne: "Nieprawidłowy kod. Wysłaliśmy Ci nowy kod. Wpisz go. Pozostała 1 próba.",
  replaced: "Ten kod został zastąpiony nowszym. Wpisz najnowszy kod, który do Ciebie wysłaliśmy.",
  cancelled:
    "Nieprawidłowy kod. Ze względów bezpieczeństwa weryfikacja została anulowana. Napisz do mnie ponownie, aby zacząć od nowa.",
  expired: "Kod wygasł. Napisz do mnie ponownie, a wyślę nowy.",
  malformed:
    "To nie wygląda na kod weryfikacyjny. Wpisz kod wysłany do Ciebie (liczba cyfr: {length}).",
  verified: "Tożsamość potwierdzona.",
  throttled: "Kod został właśnie wysłany. Odczekaj {seconds} s i napisz do mnie ponownie.",
  locked:
    "Ze względów bezpieczeństwa weryfikacja dla tego profilu jest wstrzymana. Spróbuj ponownie później.",
  pending: "Wpisz kod weryfikacyjny, który do Ciebie wysłaliśmy.",
  notStarted: "Żadna weryfikacja nie jest w toku. Podaj swój identyfikator, a wyślę Ci kod.",
  sessionExpired: "Twoja sesja wygasła. Aby kontynuować, ponownie potwierdź swoją tożsamość.",
  sessionActive: "Twoja tożsamość jest potwierdzona.",
  sessionEnded: "Twoja sesja została zakończona.",
  noChannel:
    "Nie możemy wysłać kodu weryfikacyjnego: w Twoim profilu nie ma numeru telefonu ani adresu e-mail. Skontaktuj się z pomocą techniczną.",
};
