import type { PageStrings } from "../page-strings.js";

/** The hosted page: Indonesian. */
export const id: PageStrings = {
  title: "Masukkan kode verifikasi Anda",
  endedTitle: "Kode verifikasi",
  introTo: "Kami telah mengirim kode ke {destination}.",
  intro: "Masukkan kode yang kami kirimkan kepada Anda.",
  label: "Kode verifikasi",
  hint: "Spasi dan tanda hubung boleh dipakai.",
  submit: "Verifikasi",
  invalidOne: "Kode itu salah. Sisa 1 kesempatan.",
  invalidMany: "Kode itu salah. Sisa {attempts} kesempatan.",
  replacedTo: "Kode tersebut sudah diganti: gunakan kode terbaru yang kami kirim ke {destination}.",
  replaced: "Kode tersebut sudah diganti: gunakan kode terbaru yang kami kirimkan kepada Anda.",
  resentToOne: "Kami telah mengirim kode baru ke {destination}. Masukkan kode baru (1 kesempatan).",
  resentTo:
    "Kami telah mengirim kode baru ke {destination}. Masukkan kode baru ({attempts} kesempatan).",
  resentOne: "Kami telah mengirim kode baru. Masukkan kode baru (1 kesempatan).",
  resent: "Kami telah mengirim kode baru. Masukkan kode baru ({attempts} kesempatan).",
  wrongThen: "Kode itu salah. {next}",
  resendPrompt: "Tidak menerima kode?",
  resendButton: "Kirim kode baru",
  waitSecond: "Anda dapat meminta kode baru dalam 1 detik.",
  waitSeconds: "Anda dapat meminta kode baru dalam {seconds} detik.",
  waitMinute: "Anda dapat meminta kode baru dalam 1 menit.",
  waitMinutes: "Anda dapat meminta kode baru dalam {minutes} menit.",
  resendFailed: "Kami tidak dapat mengirim kode baru. Coba lagi dalam satu menit.",
  malformedDigits: "Masukkan kode {length} digit.",
  malformedLetters: "Masukkan kode {length} karakter (huruf).",
  malformedAlphanumeric: "Masukkan kode {length} karakter (huruf dan angka).",
  exhausted: "Terlalu banyak percobaan salah untuk kode ini. Minta kode baru.",
  expired: "Kode ini sudah kedaluwarsa. Minta kode baru.",
  lockedOne:
    "Terlalu banyak percobaan gagal. Proses masuk dijeda; coba lagi dalam 1 menit (setelah pukul {time} UTC).",
  locked:
    "Terlalu banyak percobaan gagal. Proses masuk dijeda; coba lagi dalam {minutes} menit (setelah pukul {time} UTC).",
  lockedContact:
    "Terlalu banyak percobaan gagal. Proses masuk dikunci sampai tim dukungan membukanya; hubungi {support}.",
  lockedSupport:
    "Terlalu banyak percobaan gagal. Proses masuk dikunci sampai tim dukungan membukanya; hubungi tim dukungan.",
  notFound: "Kode ini sudah tidak berlaku. Minta kode baru.",
  verifiedTitle: "Verifikasi berhasil",
  verified: "Terima kasih, kode Anda benar. Anda dapat menutup halaman ini.",
  continue: "Lanjutkan",
  unknownTitle: "Tautan ini tidak valid",
  unknown: "Mungkin tautannya salah ketik, atau permintaannya telah dibatalkan.",
  cancelled: "Verifikasi ini telah dibatalkan. Minta kode baru.",
  tooMany: "Terlalu banyak permintaan dari jaringan Anda. Tunggu satu menit lalu coba lagi.",
  badForm: "Formulir sudah kedaluwarsa. Muat ulang halaman dan masukkan kode sekali lagi.",
};
