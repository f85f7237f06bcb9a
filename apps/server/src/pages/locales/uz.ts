import type { PageStrings } from "../page-strings.js";

/** The hosted page: Uzbek (Latin script). */
export const uz: PageStrings = {
  title: "Tasdiqlash kodini kiriting",
  endedTitle: "Tasdiqlash kodi",
  introTo: "Kod quyidagi manzilga yuborildi: {destination}.",
  intro: "Sizga yuborgan kodni kiriting.",
  label: "Tasdiqlash kodi",
  hint: "Boʻshliq va chiziqcha qoʻyish mumkin.",
  submit: "Tasdiqlash",
  invalidOne: "Kod notoʻgʻri. 1 ta urinish qoldi.",
  invalidMany: "Kod notoʻgʻri. {attempts} ta urinish qoldi.",
  replacedTo:
    "Bu kod almashtirildi. Quyidagi manzilga yuborilgan eng soʻnggi kodni kiriting: {destination}.",
  replaced: "Bu kod almashtirildi. Sizga yuborgan eng soʻnggi kodimizni kiriting.",
  resentToOne:
    "Yangi kod quyidagi manzilga yuborildi: {destination}. Yangi kodni kiriting (1 ta urinish).",
  resentTo:
    "Yangi kod quyidagi manzilga yuborildi: {destination}. Yangi kodni kiriting ({attempts} ta urinish).",
  resentOne: "Yangi kod yuborildi. Yangi kodni kiriting (1 ta urinish).",
  resent: "Yangi kod yuborildi. Yangi kodni kiriting ({attempts} ta urinish).",
  wrongThen: "Kod notoʻgʻri. {next}",
  resendPrompt: "Kod kelmadimi?",
  resendButton: "Yangi kod yuborish",
  waitSecond: "Yangi kodni 1 soniyadan keyin soʻrashingiz mumkin.",
  waitSeconds: "Yangi kodni {seconds} soniyadan keyin soʻrashingiz mumkin.",
  waitMinute: "Yangi kodni 1 daqiqadan keyin soʻrashingiz mumkin.",
  waitMinutes: "Yangi kodni {minutes} daqiqadan keyin soʻrashingiz mumkin.",
  resendFailed: "Yangi kod yuborib boʻlmadi. Bir daqiqadan keyin qayta urinib koʻring.",
  malformedDigits: "{length} xonali kodni kiriting.",
  malformedLetters: "{length} belgili kodni kiriting (harflar).",
  malformedAlphanumeric: "{length} belgili kodni kiriting (harflar va raqamlar).",
  exhausted: "Bu kod uchun notoʻgʻri urinishlar juda koʻp. Yangi kod soʻrang.",
  expired: "Bu kodning muddati tugagan. Yangi kod soʻrang.",
  lockedOne:
    "Muvaffaqiyatsiz urinishlar juda koʻp. Kirish toʻxtatildi; 1 daqiqadan keyin qayta urinib koʻring ({time} UTC dan keyin).",
  locked:
    "Muvaffaqiyatsiz urinishlar juda koʻp. Kirish toʻxtatildi; {minutes} daqiqadan keyin qayta urinib koʻring ({time} UTC dan keyin).",
  lockedContact:
    "Muvaffaqiyatsiz urinishlar juda koʻp. Yordam xizmati ochmaguncha kirish bloklangan; bogʻlaning: {support}.",
  lockedSupport:
    "Muvaffaqiyatsiz urinishlar juda koʻp. Yordam xizmati ochmaguncha kirish bloklangan; yordam xizmatiga murojaat qiling.",
  notFound: "Bu kod endi yaroqsiz. Yangi kod soʻrang.",
  verifiedTitle: "Tasdiqlash yakunlandi",
  verified: "Rahmat, kod toʻgʻri. Bu sahifani yopishingiz mumkin.",
  continue: "Davom etish",
  unknownTitle: "Bu havola yaroqsiz",
  unknown: "Havola notoʻgʻri yozilgan boʻlishi yoki soʻrov bekor qilingan boʻlishi mumkin.",
  cancelled: "Bu tasdiqlash bekor qilindi. Yangi kod soʻrang.",
  tooMany: "Tarmogʻingizdan soʻrovlar juda koʻp. Bir daqiqa kutib, qayta urinib koʻring.",
  badForm: "Shakl muddati tugagan. Sahifani qayta yuklang va kodni yana kiriting.",
};
