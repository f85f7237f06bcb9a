import type { PageStrings } from "../page-strings.js";

/** The hosted page: Malay. */
export const ms: PageStrings = {
  title: "Masukkan kod pengesahan anda",
  endedTitle: "Kod pengesahan",
  introTo: "Kami telah menghantar kod ke {destination}.",
  intro: "Masukkan kod yang kami hantar kepada anda.",
  label: "Kod pengesahan",
  hint: "Ruang dan sengkang dibenarkan.",
  submit: "Sahkan",
  invalidOne: "Kod itu salah. Tinggal 1 cubaan.",
  invalidMany: "Kod itu salah. Tinggal {attempts} cubaan.",
  replacedTo: "Kod itu telah diganti: gunakan kod terbaharu yang kami hantar ke {destination}.",
  replaced: "Kod itu telah diganti: gunakan kod terbaharu yang kami hantar kepada anda.",
  resentToOne: "Kami telah menghantar kod baharu ke {destination}. Masukkan kod baharu (1 cubaan).",
  resentTo:
    "Kami telah menghantar kod baharu ke {destination}. Masukkan kod baharu ({attempts} cubaan).",
  resentOne: "Kami telah menghantar kod baharu. Masukkan kod baharu (1 cubaan).",
  resent: "Kami telah menghantar kod baharu. Masukkan kod baharu ({attempts} cubaan).",
  wrongThen: "Kod itu salah. {next}",
  resendPrompt: "Tidak menerima kod?",
  resendButton: "Hantar kod baharu",
  waitSecond: "Anda boleh meminta kod baharu dalam 1 saat.",
  waitSeconds: "Anda boleh meminta kod baharu dalam {seconds} saat.",
  waitMinute: "Anda boleh meminta kod baharu dalam 1 minit.",
  waitMinutes: "Anda boleh meminta kod baharu dalam {minutes} minit.",
  resendFailed: "Kami tidak dapat menghantar kod baharu. Cuba lagi dalam seminit.",
  malformedDigits: "Masukkan kod {length} digit.",
  malformedLetters: "Masukkan kod {length} aksara (huruf).",
  malformedAlphanumeric: "Masukkan kod {length} aksara (huruf dan digit).",
  exhausted: "Terlalu banyak cubaan salah untuk kod ini. Minta kod baharu.",
  expired: "Kod ini telah tamat tempoh. Minta kod baharu.",
  lockedOne:
    "Terlalu banyak cubaan gagal. Log masuk dijeda; cuba lagi dalam 1 minit (selepas {time} UTC).",
  locked:
    "Terlalu banyak cubaan gagal. Log masuk dijeda; cuba lagi dalam {minutes} minit (selepas {time} UTC).",
  lockedContact:
    "Terlalu banyak cubaan gagal. Log masuk dikunci sehingga pihak sokongan membukanya; hubungi {support}.",
  lockedSupport:
    "Terlalu banyak cubaan gagal. Log masuk dikunci sehingga pihak sokongan membukanya; hubungi pihak sokongan.",
  notFound: "Kod ini tidak lagi sah. Minta kod baharu.",
  verifiedTitle: "Pengesahan berjaya",
  verified: "Terima kasih, kod anda betul. Anda boleh menutup halaman ini.",
  continue: "Teruskan",
  unknownTitle: "Pautan ini tidak sah",
  unknown: "Pautan mungkin tersalah taip, atau permintaan telah dibatalkan.",
  cancelled: "Pengesahan ini telah dibatalkan. Minta kod baharu.",
  tooMany: "Terlalu banyak permintaan daripada rangkaian anda. Tunggu seminit dan cuba lagi.",
  badForm: "Borang telah tamat tempoh. Muat semula halaman dan masukkan kod sekali lagi.",
};
