import type { PageStrings } from "../page-strings.js";

/** The hosted page: Dutch (informal "je"). */
export const nl: PageStrings = {
  title: "Voer je verificatiecode in",
  endedTitle: "Verificatiecode",
  introTo: "We hebben een code gestuurd naar {destination}.",
  intro: "Voer de code in die we je hebben gestuurd.",
  label: "Verificatiecode",
  hint: "Spaties en streepjes mogen.",
  submit: "Verifiëren",
  invalidOne: "Die code klopt niet. Nog 1 poging over.",
  invalidMany: "Die code klopt niet. Nog {attempts} pogingen over.",
  replacedTo:
    "Die code is vervangen: gebruik de nieuwste code die we naar {destination} hebben gestuurd.",
  replaced: "Die code is vervangen: gebruik de nieuwste code die we je hebben gestuurd.",
  resentToOne:
    "We hebben een nieuwe code gestuurd naar {destination}. Voer de nieuwe code in (1 poging).",
  resentTo:
    "We hebben een nieuwe code gestuurd naar {destination}. Voer de nieuwe code in ({attempts} pogingen).",
  resentOne: "We hebben een nieuwe code gestuurd. Voer de nieuwe code in (1 poging).",
  resent: "We hebben een nieuwe code gestuurd. Voer de nieuwe code in ({attempts} pogingen).",
  wrongThen: "Die code klopt niet. {next}",
  resendPrompt: "Geen code ontvangen?",
  resendButton: "Stuur een nieuwe code",
  waitSecond: "Je kunt over 1 seconde een nieuwe code aanvragen.",
  waitSeconds: "Je kunt over {seconds} seconden een nieuwe code aanvragen.",
  waitMinute: "Je kunt over 1 minuut een nieuwe code aanvragen.",
  waitMinutes: "Je kunt over {minutes} minuten een nieuwe code aanvragen.",
  resendFailed: "We konden geen nieuwe code sturen. Probeer het over een minuut opnieuw.",
  malformedDigits: "Voer de code van {length} cijfers in.",
  malformedLetters: "Voer de code van {length} tekens in (letters).",
  malformedAlphanumeric: "Voer de code van {length} tekens in (letters en cijfers).",
  exhausted: "Te veel foute pogingen voor deze code. Vraag een nieuwe code aan.",
  expired: "Deze code is verlopen. Vraag een nieuwe code aan.",
  lockedOne:
    "Te veel mislukte pogingen. Inloggen is gepauzeerd; probeer het over 1 minuut opnieuw (na {time} UTC).",
  locked:
    "Te veel mislukte pogingen. Inloggen is gepauzeerd; probeer het over {minutes} minuten opnieuw (na {time} UTC).",
  lockedContact:
    "Te veel mislukte pogingen. Inloggen is geblokkeerd tot support het vrijgeeft; neem contact op met {support}.",
  lockedSupport:
    "Te veel mislukte pogingen. Inloggen is geblokkeerd tot support het vrijgeeft; neem contact op met support.",
  notFound: "Deze code is niet meer geldig. Vraag een nieuwe code aan.",
  verifiedTitle: "Je bent geverifieerd",
  verified: "Bedankt, je code klopt. Je kunt deze pagina sluiten.",
  continue: "Doorgaan",
  unknownTitle: "Deze link is niet geldig",
  unknown: "De link is misschien verkeerd getypt, of het verzoek is geannuleerd.",
  cancelled: "Deze verificatie is geannuleerd. Vraag een nieuwe code aan.",
  tooMany: "Te veel verzoeken vanaf je netwerk. Wacht een minuut en probeer het opnieuw.",
  badForm: "Het formulier is verlopen. Laad de pagina opnieuw en voer de code nog een keer in.",
};
