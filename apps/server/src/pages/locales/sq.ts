import type { PageStrings } from "../page-strings.js";

/** The hosted page: Albanian (informal). */
export const sq: PageStrings = {
  title: "Fut kodin e verifikimit",
  endedTitle: "Kodi i verifikimit",
  introTo: "Dërguam një kod te {destination}.",
  intro: "Fut kodin që të dërguam.",
  label: "Kodi i verifikimit",
  hint: "Hapësirat dhe vizat lejohen.",
  submit: "Verifiko",
  invalidOne: "Kodi nuk është i saktë. Ka mbetur 1 përpjekje.",
  invalidMany: "Kodi nuk është i saktë. Kanë mbetur {attempts} përpjekje.",
  resentToOne: "Dërguam një kod të ri te {destination}. Fut kodin e ri (1 përpjekje).",
  resentTo: "Dërguam një kod të ri te {destination}. Fut kodin e ri ({attempts} përpjekje).",
  resentOne: "Dërguam një kod të ri. Fut kodin e ri (1 përpjekje).",
  resent: "Dërguam një kod të ri. Fut kodin e ri ({attempts} përpjekje).",
  wrongThen: "Kodi nuk është i saktë. {next}",
  resendPrompt: "Nuk të erdhi kodi?",
  resendButton: "Dërgo një kod të ri",
  waitSecond: "Mund të kërkosh një kod të ri pas 1 sekonde.",
  waitSeconds: "Mund të kërkosh një kod të ri pas {seconds} sekondash.",
  waitMinute: "Mund të kërkosh një kod të ri pas 1 minute.",
  waitMinutes: "Mund të kërkosh një kod të ri pas {minutes} minutash.",
  resendFailed: "Nuk arritëm të dërgojmë një kod të ri. Provo përsëri pas një minute.",
  malformedDigits: "Fut kodin me {length} shifra.",
  malformedLetters: "Fut kodin me {length} karaktere (shkronja).",
  malformedAlphanumeric: "Fut kodin me {length} karaktere (shkronja dhe shifra).",
  exhausted: "Shumë përpjekje të gabuara për këtë kod. Kërko një kod të ri.",
  expired: "Ky kod ka skaduar. Kërko një kod të ri.",
  lockedOne:
    "Shumë përpjekje të dështuara. Hyrja është pezulluar; provo përsëri pas 1 minute (pas orës {time} UTC).",
  locked:
    "Shumë përpjekje të dështuara. Hyrja është pezulluar; provo përsëri pas {minutes} minutash (pas orës {time} UTC).",
  lockedContact:
    "Shumë përpjekje të dështuara. Hyrja është bllokuar derisa ta zhbllokojë mbështetja; kontakto {support}.",
  lockedSupport:
    "Shumë përpjekje të dështuara. Hyrja është bllokuar derisa ta zhbllokojë mbështetja; kontakto mbështetjen.",
  notFound: "Ky kod nuk është më i vlefshëm. Kërko një kod të ri.",
  verifiedTitle: "Verifikimi u krye",
  verified: "Faleminderit, kodi është i saktë. Mund ta mbyllësh këtë faqe.",
  continue: "Vazhdo",
  unknownTitle: "Kjo lidhje nuk është e vlefshme",
  unknown: "Lidhja mund të jetë shkruar gabim, ose kërkesa është anuluar.",
  cancelled: "Ky verifikim u anulua. Kërko një kod të ri.",
  tooMany: "Shumë kërkesa nga rrjeti yt. Prit një minutë dhe provo përsëri.",
  badForm: "Formulari ka skaduar. Ringarko faqen dhe fut përsëri kodin.",
};
