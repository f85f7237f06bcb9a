import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Indonesian. */
export const id: ConversationMessages = {
  codeSentPhone:
    "Kami telah mengirim kode verifikasi ke nomor {destination} yang terdaftar di profil Anda. Silakan masukkan kodenya (berlaku {minutes} menit).",
  codeSentEmail:
    "Kami telah mengirim kode verifikasi ke email {destination} yang terdaftar di profil Anda. Silakan masukkan kodenya (berlaku {minutes} menit).",
  codeSentGeneric:
    "Jika data cocok dengan suatu catatan, kami telah mengirim kode verifikasi ke kontak yang terdaftar di dalamnya. Silakan masukkan kodenya (berlaku {minutes} menit).",
  incorrectMany: "Kode salah. Anda masih punya {attempts} kesempatan.",
  incorrectOne: "Kode salah. Anda masih punya 1 kesempatan.",
  incorrectResentMany:
    "Kode salah. Kami telah mengirimkan kode baru. Silakan masukkan kode baru tersebut. Anda masih punya {attempts} kesempatan.",
  incorrectResentOne:
    "Kode salah. Kami telah mengirimkan kode baru. Silakan masukkan kode baru tersebut. Anda masih punya 1 kesempatan.",
  replaced:
    "Kode tersebut telah diganti dengan kode yang lebih baru. Silakan masukkan kode terbaru yang kami kirimkan.",
  cancelled:
    "Kode salah. Demi keamanan, proses verifikasi dibatalkan. Kirimi saya pesan lagi untuk memulai ulang.",
  expired:
    "Kode sudah kedaluwarsa. Silakan kirimi saya pesan lagi dan saya akan mengirimkan kode baru.",
  malformed:
    "Itu tidak terlihat seperti kode verifikasi. Silakan masukkan kode {length} digit yang kami kirimkan.",
  verified: "Identitas terverifikasi.",
  throttled: "Kode baru saja dikirim. Silakan tunggu {seconds} detik lalu kirimi saya pesan lagi.",
  locked: "Demi keamanan, verifikasi untuk profil ini dijeda. Silakan coba lagi nanti.",
  pending: "Silakan masukkan kode verifikasi yang kami kirimkan.",
  notStarted:
    "Tidak ada verifikasi yang sedang berjalan. Beri tahu saya identitas Anda dan saya akan mengirimkan kode.",
  sessionExpired:
    "Sesi Anda telah kedaluwarsa. Silakan verifikasi identitas Anda lagi untuk melanjutkan.",
  sessionActive: "Identitas Anda sudah terverifikasi.",
  sessionEnded: "Sesi Anda telah diakhiri.",
  noChannel:
    "Kami tidak dapat mengirim kode verifikasi: profil Anda tidak memiliki nomor telepon maupun email. Silakan hubungi dukungan.",
};
