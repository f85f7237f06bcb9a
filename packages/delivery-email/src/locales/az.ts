import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Azerbaijani (Latin script). */
export const az: EmailTemplateSet = {
  code: {
    subject: "{{productName}} təsdiq kodunuz",
    greeting: "Salam {{name}},",
    body: [
      "İstədiyiniz təsdiq kodu budur:",
      "{{code}}",
      "Kod {{expiryDuration}} ərzində etibarlıdır (bitmə vaxtı: {{expiryTime}}). Onu kodu istədiyiniz səhifədə daxil edin.",
      "Bu kodu siz istəməmisinizsə, bu e-poçtu nəzərə almaya bilərsiniz: poçt qutunuza girişi olmayan heç kim ondan istifadə edə bilməz. Onu heç kimlə paylaşmayın; {{productName}} onu sizdən heç vaxt istəməyəcək.",
    ].join("\n\n"),
    footer:
      "Bu, {{productName}} tərəfindən göndərilən avtomatik mesajdır.\nKömək lazımdır? {{supportContact}} ilə əlaqə saxlayın.",
  },
  retry: {
    subject: "Yeni {{productName}} təsdiq kodunuz",
    greeting: "Salam {{name}},",
    body: [
      "Kod səhv daxil edildi, ona görə də yenisini göndəririk. Əvvəlki kod artıq işləmir.",
      "{{code}}",
      "Kod {{expiryDuration}} ərzində etibarlıdır (bitmə vaxtı: {{expiryTime}}).",
      "Daxil olmağa çalışmırsınızsa, bu e-poçtu nəzərə almaya bilərsiniz. Bu kodu heç kimlə paylaşmayın; {{productName}} onu sizdən heç vaxt istəməyəcək.",
    ].join("\n\n"),
    footer:
      "Bu, {{productName}} tərəfindən göndərilən avtomatik mesajdır.\nKömək lazımdır? {{supportContact}} ilə əlaqə saxlayın.",
  },
  lockout: {
    subject: "{{productName}} hesabına giriş dayandırılıb",
    greeting: "Salam {{name}},",
    body: [
      "Çox sayda səhv kod daxil edildi, ona görə də {{productName}} hesabınıza girişi müvəqqəti dayandırdıq. Bu, hesabınızı kodu təxmin etməyə çalışan şəxslərdən qoruyur.",
      "Yenidən cəhd edə biləcəyiniz vaxt: {{lockedUntil}}.",
      "Bu siz deyildinizsə və ya indi köməyə ehtiyacınız varsa, {{supportContact}} ilə əlaqə saxlayın.",
    ].join("\n\n"),
    footer: "Bu, {{productName}} tərəfindən göndərilən avtomatik mesajdır.",
  },
  unlock: {
    subject: "{{productName}} hesabına yenidən daxil ola bilərsiniz",
    greeting: "Salam {{name}},",
    body: [
      "{{productName}} hesabına girişin dayandırılması başa çatdı. Hazır olduğunuz zaman yeni kod istəyə bilərsiniz.",
      "Daxil olmağa çalışmırdınızsa, {{supportContact}} ilə əlaqə saxlayın.",
    ].join("\n\n"),
    footer: "Bu, {{productName}} tərəfindən göndərilən avtomatik mesajdır.",
  },
};
