import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Uzbek (Latin script). */
export const uz: ConversationMessages = {
  codeSentPhone:
    "Profilingizda roʻyxatdan oʻtgan {destination} raqamiga tasdiqlash kodini yubordik. Iltimos, kodni kiriting ({minutes} daqiqa ichida amal qiladi).",
  codeSentEmail:
    "Profilingizda roʻyxatdan oʻtgan {destination} elektron pochtasiga tasdiqlash kodini yubordik. Iltimos, kodni kiriting ({minutes} daqiqa ichida amal qiladi).",
  codeSentGeneric:
    "Agar maʼlumotlar biror profilga mos kelsa, undagi kontaktga tasdiqlash kodini yubordik. Iltimos, kodni kiriting ({minutes} daqiqa ichida amal qiladi).",
  incorrectMany: "Kod notoʻgʻri. Sizda {attempts} ta urinish qoldi.",
  incorrectOne: "Kod notoʻgʻri. Sizda 1 ta urinish qoldi.",
  incorrectResentMany:
    "Kod notoʻgʻri. Sizga yangi kod yubordik. Iltimos, uni kiriting. Sizda {attempts} ta urinish qoldi.",
  incorrectResentOne:
    "Kod notoʻgʻri. Sizga yangi kod yubordik. Iltimos, uni kiriting. Sizda 1 ta urinish qoldi.",
  replaced:
    "Bu kod yangisiga almashtirilgan. Iltimos, sizga yuborgan eng soʻnggi kodimizni kiriting.",
  cancelled:
    "Kod notoʻgʻri. Xavfsizlik uchun tasdiqlash jarayoni bekor qilindi. Qaytadan boshlash uchun menga yana yozing.",
  expired: "Kodning muddati tugadi. Iltimos, menga yana yozing, sizga yangisini yuboraman.",
  malformed:
    "Bu tasdiqlash kodiga oʻxshamaydi. Iltimos, sizga yuborgan {length} xonali kodni kiriting.",
  verified: "Shaxs tasdiqlandi.",
  throttled: "Hozirgina kod yuborildi. Iltimos, {seconds} soniya kuting va menga yana yozing.",
  locked:
    "Xavfsizlik uchun bu profil boʻyicha tasdiqlash toʻxtatib qoʻyildi. Iltimos, keyinroq qayta urinib koʻring.",
  pending: "Iltimos, sizga yuborgan tasdiqlash kodini kiriting.",
  notStarted:
    "Hozir hech qanday tasdiqlash jarayoni yoʻq. Menga identifikatoringizni ayting, sizga kod yuboraman.",
  sessionExpired: "Seansingiz muddati tugadi. Davom etish uchun shaxsingizni qayta tasdiqlang.",
  sessionActive: "Shaxsingiz tasdiqlangan.",
  sessionEnded: "Seansingiz yakunlandi.",
  noChannel:
    "Tasdiqlash kodini yubora olmaymiz: profilingizda telefon raqami ham, elektron pochta ham yoʻq. Iltimos, yordam xizmatiga murojaat qiling.",
};
