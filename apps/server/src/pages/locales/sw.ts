import type { PageStrings } from "../page-strings.js";

/** The hosted page: Swahili. */
export const sw: PageStrings = {
  title: "Weka msimbo wako wa uthibitishaji",
  endedTitle: "Msimbo wa uthibitishaji",
  introTo: "Tumetuma msimbo kwa {destination}.",
  intro: "Weka msimbo tuliokutumia.",
  label: "Msimbo wa uthibitishaji",
  hint: "Nafasi na vistari vinakubalika.",
  submit: "Thibitisha",
  invalidOne: "Msimbo huo si sahihi. Limebaki jaribio 1.",
  invalidMany: "Msimbo huo si sahihi. Yamebaki majaribio {attempts}.",
  resentToOne: "Tumetuma msimbo mpya kwa {destination}. Weka msimbo mpya (jaribio 1).",
  resentTo: "Tumetuma msimbo mpya kwa {destination}. Weka msimbo mpya (majaribio {attempts}).",
  resentOne: "Tumetuma msimbo mpya. Weka msimbo mpya (jaribio 1).",
  resent: "Tumetuma msimbo mpya. Weka msimbo mpya (majaribio {attempts}).",
  wrongThen: "Msimbo huo si sahihi. {next}",
  resendPrompt: "Hukupata msimbo?",
  resendButton: "Tuma msimbo mpya",
  waitSecond: "Unaweza kuomba msimbo mpya baada ya sekunde 1.",
  waitSeconds: "Unaweza kuomba msimbo mpya baada ya sekunde {seconds}.",
  waitMinute: "Unaweza kuomba msimbo mpya baada ya dakika 1.",
  waitMinutes: "Unaweza kuomba msimbo mpya baada ya dakika {minutes}.",
  resendFailed: "Hatukuweza kutuma msimbo mpya. Jaribu tena baada ya dakika moja.",
  malformedDigits: "Weka msimbo wa tarakimu {length}.",
  malformedLetters: "Weka msimbo wa herufi {length} (herufi).",
  malformedAlphanumeric: "Weka msimbo wa vibambo {length} (herufi na tarakimu).",
  exhausted: "Majaribio mengi mno yasiyo sahihi kwa msimbo huu. Omba msimbo mpya.",
  expired: "Muda wa msimbo huu umekwisha. Omba msimbo mpya.",
  lockedOne:
    "Majaribio mengi mno yameshindwa. Kuingia kumesimamishwa kwa muda; jaribu tena baada ya dakika 1 (baada ya saa {time} UTC).",
  locked:
    "Majaribio mengi mno yameshindwa. Kuingia kumesimamishwa kwa muda; jaribu tena baada ya dakika {minutes} (baada ya saa {time} UTC).",
  lockedContact:
    "Majaribio mengi mno yameshindwa. Kuingia kumefungwa hadi timu ya usaidizi ikufungulie; wasiliana na {support}.",
  lockedSupport:
    "Majaribio mengi mno yameshindwa. Kuingia kumefungwa hadi timu ya usaidizi ikufungulie; wasiliana na timu ya usaidizi.",
  notFound: "Msimbo huu si halali tena. Omba msimbo mpya.",
  verifiedTitle: "Umethibitishwa",
  verified: "Asante, msimbo wako ni sahihi. Unaweza kufunga ukurasa huu.",
  continue: "Endelea",
  unknownTitle: "Kiungo hiki si halali",
  unknown: "Huenda kiungo kimeandikwa vibaya, au ombi limeghairiwa.",
  cancelled: "Uthibitishaji huu umeghairiwa. Omba msimbo mpya.",
  tooMany: "Maombi mengi mno kutoka kwenye mtandao wako. Subiri dakika moja kisha ujaribu tena.",
  badForm: "Muda wa fomu umekwisha. Pakia ukurasa upya kisha uweke msimbo tena.",
};
