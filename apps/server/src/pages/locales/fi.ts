import type { PageStrings } from "../page-strings.js";

/** The hosted page: Finnish. */
export const fi: PageStrings = {
  title: "Anna vahvistuskoodisi",
  endedTitle: "Vahvistuskoodi",
  introTo: "Lähetimme koodin yhteystietoon {destination}.",
  intro: "Anna koodi, jonka lähetimme sinulle.",
  label: "Vahvistuskoodi",
  hint: "Välilyönnit ja yhdysmerkit sallitaan.",
  submit: "Vahvista",
  invalidOne: "Koodi ei ole oikein. 1 yritys jäljellä.",
  invalidMany: "Koodi ei ole oikein. {attempts} yritystä jäljellä.",
  replacedTo:
    "Tämä koodi on korvattu: käytä uusinta koodia, jonka lähetimme yhteystietoon {destination}.",
  replaced: "Tämä koodi on korvattu: käytä uusinta koodia, jonka lähetimme sinulle.",
  resentToOne: "Lähetimme uuden koodin yhteystietoon {destination}. Anna uusi koodi (1 yritys).",
  resentTo:
    "Lähetimme uuden koodin yhteystietoon {destination}. Anna uusi koodi ({attempts} yritystä).",
  resentOne: "Lähetimme uuden koodin. Anna uusi koodi (1 yritys).",
  resent: "Lähetimme uuden koodin. Anna uusi koodi ({attempts} yritystä).",
  wrongThen: "Koodi ei ole oikein. {next}",
  resendPrompt: "Etkö saanut koodia?",
  resendButton: "Lähetä uusi koodi",
  waitSecond: "Voit pyytää uuden koodin 1 sekunnin kuluttua.",
  waitSeconds: "Voit pyytää uuden koodin {seconds} sekunnin kuluttua.",
  waitMinute: "Voit pyytää uuden koodin 1 minuutin kuluttua.",
  waitMinutes: "Voit pyytää uuden koodin {minutes} minuutin kuluttua.",
  resendFailed: "Emme voineet lähettää uutta koodia. Yritä uudelleen minuutin kuluttua.",
  malformedDigits: "Anna {length}-numeroinen koodi.",
  malformedLetters: "Anna {length} merkin koodi (kirjaimia).",
  malformedAlphanumeric: "Anna {length} merkin koodi (kirjaimia ja numeroita).",
  exhausted: "Liian monta väärää yritystä tällä koodilla. Pyydä uusi koodi.",
  expired: "Koodi on vanhentunut. Pyydä uusi koodi.",
  lockedOne:
    "Liian monta epäonnistunutta yritystä. Kirjautuminen on keskeytetty; yritä uudelleen 1 minuutin kuluttua (klo {time} UTC jälkeen).",
  locked:
    "Liian monta epäonnistunutta yritystä. Kirjautuminen on keskeytetty; yritä uudelleen {minutes} minuutin kuluttua (klo {time} UTC jälkeen).",
  lockedContact:
    "Liian monta epäonnistunutta yritystä. Kirjautuminen on estetty, kunnes tuki avaa sen; ota yhteyttä: {support}.",
  lockedSupport:
    "Liian monta epäonnistunutta yritystä. Kirjautuminen on estetty, kunnes tuki avaa sen; ota yhteyttä tukeen.",
  notFound: "Koodi ei ole enää voimassa. Pyydä uusi koodi.",
  verifiedTitle: "Henkilöllisyytesi on vahvistettu",
  verified: "Kiitos, koodi on oikein. Voit sulkea tämän sivun.",
  continue: "Jatka",
  unknownTitle: "Linkki ei ole kelvollinen",
  unknown: "Linkki on ehkä kirjoitettu väärin, tai pyyntö on peruttu.",
  cancelled: "Vahvistus on peruttu. Pyydä uusi koodi.",
  tooMany: "Liikaa pyyntöjä verkostasi. Odota minuutti ja yritä uudelleen.",
  badForm: "Lomake on vanhentunut. Lataa sivu uudelleen ja anna koodi uudestaan.",
};
