import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Indonesian. */
export const id: EmailTemplateSet = {
  code: {
    subject: "Kode verifikasi {{productName}} Anda",
    greeting: "Halo {{name}},",
    body: [
      "Berikut kode verifikasi yang Anda minta:",
      "{{code}}",
      "Kode ini kedaluwarsa dalam {{expiryDuration}} (pukul {{expiryTime}}). Masukkan kode di halaman tempat Anda memintanya.",
      "Jika Anda tidak meminta kode ini, abaikan saja email ini: tidak ada yang dapat menggunakannya tanpa akses ke kotak masuk Anda. Jangan pernah membagikannya kepada siapa pun; {{productName}} tidak akan pernah memintanya dari Anda.",
    ].join("\n\n"),
    footer:
      "Ini adalah pesan otomatis dari {{productName}}.\nButuh bantuan? Hubungi {{supportContact}}.",
  },
  retry: {
    subject: "Kode verifikasi {{productName}} baru Anda",
    greeting: "Halo {{name}},",
    body: [
      "Kode yang dimasukkan salah, jadi berikut kode baru. Kode sebelumnya tidak berlaku lagi.",
      "{{code}}",
      "Kode ini kedaluwarsa dalam {{expiryDuration}} (pukul {{expiryTime}}).",
      "Jika Anda tidak sedang mencoba masuk, abaikan saja email ini. Jangan pernah membagikan kode ini kepada siapa pun; {{productName}} tidak akan pernah memintanya dari Anda.",
    ].join("\n\n"),
    footer:
      "Ini adalah pesan otomatis dari {{productName}}.\nButuh bantuan? Hubungi {{supportContact}}.",
  },
  lockout: {
    subject: "Proses masuk ke {{productName}} dijeda",
    greeting: "Halo {{name}},",
    body: [
      "Terlalu banyak kode salah yang dimasukkan, jadi kami menjeda proses masuk ke akun {{productName}} Anda. Ini melindungi akun Anda dari orang yang mencoba menebak kode.",
      "Anda dapat mencoba lagi setelah {{lockedUntil}}.",
      "Jika ini bukan Anda, atau Anda butuh bantuan sekarang, hubungi {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ini adalah pesan otomatis dari {{productName}}.",
  },
  unlock: {
    subject: "Anda dapat masuk ke {{productName}} lagi",
    greeting: "Halo {{name}},",
    body: [
      "Jeda proses masuk ke {{productName}} telah berakhir. Anda dapat meminta kode baru kapan saja.",
      "Jika Anda tidak sedang mencoba masuk, hubungi {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ini adalah pesan otomatis dari {{productName}}.",
  },
};
