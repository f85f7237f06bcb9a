import type { PageStrings } from "../page-strings.js";

/** The hosted page: Afrikaans. */
export const af: PageStrings = {
  title: "Voer jou verifikasiekode in",
  endedTitle: "Verifikasiekode",
  introTo: "Ons het 'n kode na {destination} gestuur.",
  intro: "Voer die kode in wat ons vir jou gestuur het.",
  label: "Verifikasiekode",
  hint: "Spasies en koppeltekens is in orde.",
  submit: "Verifieer",
  invalidOne: "Daardie kode is nie reg nie. 1 poging oor.",
  invalidMany: "Daardie kode is nie reg nie. {attempts} pogings oor.",
  replacedTo:
    "Daardie kode is vervang: gebruik die nuutste kode wat ons na {destination} gestuur het.",
  replaced: "Daardie kode is vervang: gebruik die nuutste kode wat ons vir jou gestuur het.",
  resentToOne: "Ons het 'n nuwe kode na {destination} gestuur. Voer die nuwe kode in (1 poging).",
  resentTo:
    "Ons het 'n nuwe kode na {destination} gestuur. Voer die nuwe kode in ({attempts} pogings).",
  resentOne: "Ons het 'n nuwe kode gestuur. Voer die nuwe kode in (1 poging).",
  resent: "Ons het 'n nuwe kode gestuur. Voer die nuwe kode in ({attempts} pogings).",
  wrongThen: "Daardie kode is nie reg nie. {next}",
  resendPrompt: "Het jy nie die kode gekry nie?",
  resendButton: "Stuur 'n nuwe kode",
  waitSecond: "Jy kan oor 1 sekonde 'n nuwe kode aanvra.",
  waitSeconds: "Jy kan oor {seconds} sekondes 'n nuwe kode aanvra.",
  waitMinute: "Jy kan oor 1 minuut 'n nuwe kode aanvra.",
  waitMinutes: "Jy kan oor {minutes} minute 'n nuwe kode aanvra.",
  resendFailed: "Ons kon nie 'n nuwe kode stuur nie. Probeer weer oor 'n minuut.",
  malformedDigits: "Voer die {length}-syferkode in.",
  malformedLetters: "Voer die kode van {length} karakters in (letters).",
  malformedAlphanumeric: "Voer die kode van {length} karakters in (letters en syfers).",
  exhausted: "Te veel verkeerde pogings vir hierdie kode. Vra 'n nuwe kode aan.",
  expired: "Hierdie kode het verval. Vra 'n nuwe kode aan.",
  lockedOne:
    "Te veel mislukte pogings. Aanmelding is tydelik gestaak; probeer weer oor 1 minuut (ná {time} UTC).",
  locked:
    "Te veel mislukte pogings. Aanmelding is tydelik gestaak; probeer weer oor {minutes} minute (ná {time} UTC).",
  lockedContact:
    "Te veel mislukte pogings. Aanmelding is gesluit totdat ondersteuning dit ontsluit; kontak {support}.",
  lockedSupport:
    "Te veel mislukte pogings. Aanmelding is gesluit totdat ondersteuning dit ontsluit; kontak ondersteuning.",
  notFound: "Hierdie kode is nie meer geldig nie. Vra 'n nuwe kode aan.",
  verifiedTitle: "Jy is geverifieer",
  verified: "Dankie, jou kode is korrek. Jy kan hierdie bladsy toemaak.",
  continue: "Gaan voort",
  unknownTitle: "Hierdie skakel is nie geldig nie",
  unknown: "Die skakel is dalk verkeerd getik, of die versoek is gekanselleer.",
  cancelled: "Hierdie verifikasie is gekanselleer. Vra 'n nuwe kode aan.",
  tooMany: "Te veel versoeke van jou netwerk af. Wag 'n minuut en probeer weer.",
  badForm: "Die vorm het verval. Laai die bladsy weer en voer die kode weer in.",
};
