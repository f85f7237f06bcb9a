import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Uzbek (Latin script). */
export const uz: EmailTemplateSet = {
  code: {
    subject: "{{productName}} tasdiqlash kodingiz",
    greeting: "Salom, {{name}}!",
    body: [
      "Siz so‘ragan tasdiqlash kodi:",
      "{{code}}",
      "Amal qilish muddati: {{expiryDuration}}, tugash vaqti: {{expiryTime}}. Uni kodni so‘ragan sahifangizga kiriting.",
      "Agar bu kodni siz so‘ramagan bo‘lsangiz, ushbu xatga e’tibor bermasangiz ham bo‘ladi: pochta qutingizga kirish imkoni bo‘lmagan hech kim undan foydalana olmaydi. Uni hech qachon hech kimga bermang; {{productName}} uni sizdan hech qachon so‘ramaydi.",
    ].join("\n\n"),
    footer:
      "Bu {{productName}} tomonidan yuborilgan avtomatik xabar.\nYordam kerakmi? Murojaat qiling: {{supportContact}}.",
  },
  retry: {
    subject: "Yangi {{productName}} tasdiqlash kodingiz",
    greeting: "Salom, {{name}}!",
    body: [
      "Noto‘g‘ri kod kiritildi, shuning uchun yangi kod yuboryapmiz. Avvalgi kod endi ishlamaydi.",
      "{{code}}",
      "Amal qilish muddati: {{expiryDuration}}, tugash vaqti: {{expiryTime}}.",
      "Agar tizimga kirishga urinmayotgan bo‘lsangiz, ushbu xatga e’tibor bermasangiz ham bo‘ladi. Bu kodni hech qachon hech kimga bermang; {{productName}} uni sizdan hech qachon so‘ramaydi.",
    ].join("\n\n"),
    footer:
      "Bu {{productName}} tomonidan yuborilgan avtomatik xabar.\nYordam kerakmi? Murojaat qiling: {{supportContact}}.",
  },
  lockout: {
    subject: "{{productName}} tizimiga kirish vaqtincha to‘xtatildi",
    greeting: "Salom, {{name}}!",
    body: [
      "Juda ko‘p noto‘g‘ri kod kiritildi, shuning uchun {{productName}} hisobingizga kirishni vaqtincha to‘xtatdik. Bu hisobingizni kodni taxmin qilishga urinayotganlardan himoya qiladi.",
      "Qayta urinib ko‘rish mumkin bo‘lgan vaqt: {{lockedUntil}}.",
      "Agar bu siz bo‘lmasangiz yoki hozir yordam kerak bo‘lsa, murojaat qiling: {{supportContact}}.",
    ].join("\n\n"),
    footer: "Bu {{productName}} tomonidan yuborilgan avtomatik xabar.",
  },
  unlock: {
    subject: "{{productName}} tizimiga yana kirishingiz mumkin",
    greeting: "Salom, {{name}}!",
    body: [
      "{{productName}} tizimiga kirishning vaqtincha to‘xtatilishi tugadi. Tayyor bo‘lganingizda yangi kod so‘rashingiz mumkin.",
      "Agar tizimga kirishga urinmagan bo‘lsangiz, murojaat qiling: {{supportContact}}.",
    ].join("\n\n"),
    footer: "Bu {{productName}} tomonidan yuborilgan avtomatik xabar.",
  },
};
