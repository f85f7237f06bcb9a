import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Polish (informal, gender-neutral wording). */
export const pl: EmailTemplateSet = {
  code: {
    subject: "Twój kod weryfikacyjny {{productName}}",
    greeting: "Cześć {{name}},",
    body: [
      "Oto twój kod weryfikacyjny:",
      "{{code}}",
      "Ważność: {{expiryDuration}} (do {{expiryTime}}). Wpisz go na stronie, na której poproszono o kod.",
      "Jeśli to nie ty prosisz o ten kod, możesz zignorować tę wiadomość: nikt nie użyje go bez dostępu do twojej skrzynki. Nigdy nikomu go nie udostępniaj; {{productName}} nigdy cię o niego nie poprosi.",
    ].join("\n\n"),
    footer:
      "To jest automatyczna wiadomość od {{productName}}.\nPotrzebujesz pomocy? Skontaktuj się z {{supportContact}}.",
  },
  retry: {
    subject: "Twój nowy kod weryfikacyjny {{productName}}",
    greeting: "Cześć {{name}},",
    body: [
      "Wpisano nieprawidłowy kod, więc wysyłamy nowy. Poprzedni kod już nie działa.",
      "{{code}}",
      "Ważność: {{expiryDuration}} (do {{expiryTime}}).",
      "Jeśli nie próbujesz się zalogować, możesz zignorować tę wiadomość. Nigdy nikomu nie udostępniaj tego kodu; {{productName}} nigdy cię o niego nie poprosi.",
    ].join("\n\n"),
    footer:
      "To jest automatyczna wiadomość od {{productName}}.\nPotrzebujesz pomocy? Skontaktuj się z {{supportContact}}.",
  },
  lockout: {
    subject: "Logowanie do {{productName}} zostało wstrzymane",
    greeting: "Cześć {{name}},",
    body: [
      "Wpisano zbyt wiele nieprawidłowych kodów, więc wstrzymaliśmy logowanie do twojego konta {{productName}}. Chroni to konto przed kimś, kto próbuje odgadnąć kod.",
      "Możesz spróbować ponownie po: {{lockedUntil}}.",
      "Jeśli to nie ty lub potrzebujesz pomocy teraz, skontaktuj się z {{supportContact}}.",
    ].join("\n\n"),
    footer: "To jest automatyczna wiadomość od {{productName}}.",
  },
  unlock: {
    subject: "Możesz ponownie zalogować się do {{productName}}",
    greeting: "Cześć {{name}},",
    body: [
      "Wstrzymanie logowania do {{productName}} dobiegło końca. Możesz poprosić o nowy kod, kiedy tylko zechcesz.",
      "Jeśli nie próbujesz się zalogować, skontaktuj się z {{supportContact}}.",
    ].join("\n\n"),
    footer: "To jest automatyczna wiadomość od {{productName}}.",
  },
};
