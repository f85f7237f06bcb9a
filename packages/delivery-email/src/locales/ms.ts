import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Malay. */
export const ms: EmailTemplateSet = {
  code: {
    subject: "Kod pengesahan {{productName}} anda",
    greeting: "Hai {{name}},",
    body: [
      "Berikut ialah kod pengesahan yang anda minta:",
      "{{code}}",
      "Kod ini tamat tempoh dalam {{expiryDuration}} (pada {{expiryTime}}). Masukkan kod di halaman tempat anda memintanya.",
      "Jika anda tidak meminta kod ini, anda boleh abaikan e-mel ini: tiada sesiapa boleh menggunakannya tanpa akses kepada peti masuk anda. Jangan sekali-kali kongsikannya dengan sesiapa; {{productName}} tidak akan sekali-kali memintanya daripada anda.",
    ].join("\n\n"),
    footer:
      "Ini ialah mesej automatik daripada {{productName}}.\nPerlukan bantuan? Hubungi {{supportContact}}.",
  },
  retry: {
    subject: "Kod pengesahan {{productName}} baharu anda",
    greeting: "Hai {{name}},",
    body: [
      "Kod yang salah telah dimasukkan, jadi berikut ialah kod baharu. Kod sebelumnya tidak lagi sah.",
      "{{code}}",
      "Kod ini tamat tempoh dalam {{expiryDuration}} (pada {{expiryTime}}).",
      "Jika anda tidak cuba log masuk, anda boleh abaikan e-mel ini. Jangan sekali-kali kongsikan kod ini dengan sesiapa; {{productName}} tidak akan sekali-kali memintanya daripada anda.",
    ].join("\n\n"),
    footer:
      "Ini ialah mesej automatik daripada {{productName}}.\nPerlukan bantuan? Hubungi {{supportContact}}.",
  },
  lockout: {
    subject: "Log masuk ke {{productName}} dijeda",
    greeting: "Hai {{name}},",
    body: [
      "Terlalu banyak kod yang salah telah dimasukkan, jadi kami menjeda log masuk ke akaun {{productName}} anda. Ini melindungi akaun anda daripada sesiapa yang cuba meneka kod.",
      "Anda boleh cuba lagi selepas {{lockedUntil}}.",
      "Jika ini bukan anda, atau anda perlukan bantuan sekarang, hubungi {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ini ialah mesej automatik daripada {{productName}}.",
  },
  unlock: {
    subject: "Anda boleh log masuk ke {{productName}} semula",
    greeting: "Hai {{name}},",
    body: [
      "Jeda log masuk ke {{productName}} telah tamat. Anda boleh meminta kod baharu bila-bila masa anda bersedia.",
      "Jika anda tidak cuba log masuk, hubungi {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ini ialah mesej automatik daripada {{productName}}.",
  },
};
