import type { PageStrings } from "../page-strings.js";

/** The hosted page: Latvian (formal). */
export const lv: PageStrings = {
  title: "Ievadiet verifikācijas kodu",
  endedTitle: "Verifikācijas kods",
  introTo: "Mēs nosūtījām kodu uz: {destination}.",
  intro: "Ievadiet kodu, ko jums nosūtījām.",
  label: "Verifikācijas kods",
  hint: "Atstarpes un defises ir atļautas.",
  submit: "Apstiprināt",
  invalidOne: "Kods nav pareizs. Atlicis 1 mēģinājums.",
  invalidMany: "Kods nav pareizs. Atlikušo mēģinājumu skaits: {attempts}.",
  replacedTo: "Šis kods ir aizstāts. Izmantojiet jaunāko kodu, ko nosūtījām uz: {destination}.",
  replaced: "Šis kods ir aizstāts. Izmantojiet jaunāko kodu, ko jums nosūtījām.",
  resentToOne: "Mēs nosūtījām jaunu kodu uz: {destination}. Ievadiet jauno kodu (1 mēģinājums).",
  resentTo:
    "Mēs nosūtījām jaunu kodu uz: {destination}. Ievadiet jauno kodu (mēģinājumu skaits: {attempts}).",
  resentOne: "Mēs nosūtījām jaunu kodu. Ievadiet jauno kodu (1 mēģinājums).",
  resent: "Mēs nosūtījām jaunu kodu. Ievadiet jauno kodu (mēģinājumu skaits: {attempts}).",
  wrongThen: "Kods nav pareizs. {next}",
  resendPrompt: "Nesaņēmāt kodu?",
  resendButton: "Sūtīt jaunu kodu",
  waitSecond: "Jaunu kodu varēsiet pieprasīt pēc 1 s.",
  waitSeconds: "Jaunu kodu varēsiet pieprasīt pēc {seconds} s.",
  waitMinute: "Jaunu kodu varēsiet pieprasīt pēc 1 min.",
  waitMinutes: "Jaunu kodu varēsiet pieprasīt pēc {minutes} min.",
  resendFailed: "Neizdevās nosūtīt jaunu kodu. Mēģiniet vēlreiz pēc minūtes.",
  malformedDigits: "Ievadiet kodu (ciparu skaits: {length}).",
  malformedLetters: "Ievadiet kodu (burtu skaits: {length}).",
  malformedAlphanumeric: "Ievadiet kodu (rakstzīmju skaits: {length}; burti un cipari).",
  exhausted: "Ar šo kodu veikts pārāk daudz kļūdainu mēģinājumu. Pieprasiet jaunu kodu.",
  expired: "Šī koda derīguma termiņš ir beidzies. Pieprasiet jaunu kodu.",
  lockedOne:
    "Pārāk daudz neveiksmīgu mēģinājumu. Pieteikšanās ir apturēta; mēģiniet vēlreiz pēc 1 min (pēc {time} UTC).",
  locked:
    "Pārāk daudz neveiksmīgu mēģinājumu. Pieteikšanās ir apturēta; mēģiniet vēlreiz pēc {minutes} min (pēc {time} UTC).",
  lockedContact:
    "Pārāk daudz neveiksmīgu mēģinājumu. Pieteikšanās ir bloķēta, līdz atbalsta dienests to atbloķēs; sazinieties: {support}.",
  lockedSupport:
    "Pārāk daudz neveiksmīgu mēģinājumu. Pieteikšanās ir bloķēta, līdz atbalsta dienests to atbloķēs; sazinieties ar atbalsta dienestu.",
  notFound: "Šis kods vairs nav derīgs. Pieprasiet jaunu kodu.",
  verifiedTitle: "Verifikācija pabeigta",
  verified: "Paldies, kods ir pareizs. Varat aizvērt šo lapu.",
  continue: "Turpināt",
  unknownTitle: "Šī saite nav derīga",
  unknown: "Iespējams, saite ir uzrakstīta kļūdaini vai pieprasījums ir atcelts.",
  cancelled: "Šī verifikācija ir atcelta. Pieprasiet jaunu kodu.",
  tooMany: "No jūsu tīkla saņemts pārāk daudz pieprasījumu. Uzgaidiet minūti un mēģiniet vēlreiz.",
  badForm:
    "Veidlapas derīguma termiņš ir beidzies. Atkārtoti ielādējiet lapu un vēlreiz ievadiet kodu.",
};
