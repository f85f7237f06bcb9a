import type { PageStrings } from "../page-strings.js";

/** The hosted page: Filipino. */
export const fil: PageStrings = {
  title: "Ilagay ang iyong verification code",
  endedTitle: "Verification code",
  introTo: "Nagpadala kami ng code sa {destination}.",
  intro: "Ilagay ang code na ipinadala namin sa iyo.",
  label: "Verification code",
  hint: "Puwede ang mga espasyo at gitling.",
  submit: "I-verify",
  invalidOne: "Mali ang code. 1 subok na lang ang natitira.",
  invalidMany: "Mali ang code. {attempts} subok na lang ang natitira.",
  replacedTo:
    "Napalitan na ang code na iyan: gamitin ang pinakabagong code na ipinadala namin sa {destination}.",
  replaced:
    "Napalitan na ang code na iyan: gamitin ang pinakabagong code na ipinadala namin sa iyo.",
  resentToOne: "Nagpadala kami ng bagong code sa {destination}. Ilagay ang bagong code (1 subok).",
  resentTo:
    "Nagpadala kami ng bagong code sa {destination}. Ilagay ang bagong code ({attempts} subok).",
  resentOne: "Nagpadala kami ng bagong code. Ilagay ang bagong code (1 subok).",
  resent: "Nagpadala kami ng bagong code. Ilagay ang bagong code ({attempts} subok).",
  wrongThen: "Mali ang code. {next}",
  resendPrompt: "Hindi mo natanggap ang code?",
  resendButton: "Magpadala ng bagong code",
  waitSecond: "Puwede kang humingi ng bagong code pagkalipas ng 1 segundo.",
  waitSeconds: "Puwede kang humingi ng bagong code pagkalipas ng {seconds} segundo.",
  waitMinute: "Puwede kang humingi ng bagong code pagkalipas ng 1 minuto.",
  waitMinutes: "Puwede kang humingi ng bagong code pagkalipas ng {minutes} minuto.",
  resendFailed: "Hindi kami nakapagpadala ng bagong code. Subukan ulit pagkalipas ng isang minuto.",
  malformedDigits: "Ilagay ang {length}-digit na code.",
  malformedLetters: "Ilagay ang code na may {length} character (mga letra).",
  malformedAlphanumeric: "Ilagay ang code na may {length} character (mga letra at numero).",
  exhausted: "Masyadong maraming maling subok para sa code na ito. Humingi ng bagong code.",
  expired: "Nag-expire na ang code na ito. Humingi ng bagong code.",
  lockedOne:
    "Masyadong maraming hindi matagumpay na subok. Naka-pause ang pag-sign in; subukan ulit pagkalipas ng 1 minuto (pagkatapos ng {time} UTC).",
  locked:
    "Masyadong maraming hindi matagumpay na subok. Naka-pause ang pag-sign in; subukan ulit pagkalipas ng {minutes} minuto (pagkatapos ng {time} UTC).",
  lockedContact:
    "Masyadong maraming hindi matagumpay na subok. Naka-lock ang pag-sign in hangga't hindi ito ina-unlock ng support; kontakin ang {support}.",
  lockedSupport:
    "Masyadong maraming hindi matagumpay na subok. Naka-lock ang pag-sign in hangga't hindi ito ina-unlock ng support; kontakin ang support.",
  notFound: "Hindi na valid ang code na ito. Humingi ng bagong code.",
  verifiedTitle: "Na-verify ka na",
  verified: "Salamat, tama ang iyong code. Puwede mo nang isara ang page na ito.",
  continue: "Magpatuloy",
  unknownTitle: "Hindi valid ang link na ito",
  unknown: "Maaaring mali ang pagkaka-type ng link, o kinansela ang request.",
  cancelled: "Kinansela ang pag-verify na ito. Humingi ng bagong code.",
  tooMany:
    "Masyadong maraming request mula sa iyong network. Maghintay ng isang minuto at subukan ulit.",
  badForm: "Nag-expire na ang form. I-reload ang page at ilagay ulit ang code.",
};
