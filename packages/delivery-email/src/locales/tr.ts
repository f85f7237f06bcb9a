import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Turkish (formal). */
export const tr: EmailTemplateSet = {
  code: {
    subject: "{{productName}} doğrulama kodunuz",
    greeting: "Merhaba {{name}},",
    body: [
      "İstediğiniz doğrulama kodu:",
      "{{code}}",
      "Kodun geçerlilik süresi: {{expiryDuration}} (bitiş: {{expiryTime}}). Kodu, istediğiniz sayfaya girin.",
      "Bu kodu siz istemediyseniz bu e-postayı yok sayabilirsiniz: gelen kutunuza erişimi olmayan hiç kimse onu kullanamaz. Kodu asla kimseyle paylaşmayın; {{productName}} kodu sizden asla istemez.",
    ].join("\n\n"),
    footer:
      "Bu, {{productName}} tarafından gönderilen otomatik bir mesajdır.\nYardım mı gerekiyor? {{supportContact}} ile iletişime geçin.",
  },
  retry: {
    subject: "Yeni {{productName}} doğrulama kodunuz",
    greeting: "Merhaba {{name}},",
    body: [
      "Yanlış bir kod girildi, bu yüzden yeni bir kod gönderiyoruz. Önceki kod artık geçerli değil.",
      "{{code}}",
      "Kodun geçerlilik süresi: {{expiryDuration}} (bitiş: {{expiryTime}}).",
      "Oturum açmaya çalışmıyorsanız bu e-postayı yok sayabilirsiniz. Bu kodu asla kimseyle paylaşmayın; {{productName}} kodu sizden asla istemez.",
    ].join("\n\n"),
    footer:
      "Bu, {{productName}} tarafından gönderilen otomatik bir mesajdır.\nYardım mı gerekiyor? {{supportContact}} ile iletişime geçin.",
  },
  lockout: {
    subject: "{{productName}} oturum açma işlemi duraklatıldı",
    greeting: "Merhaba {{name}},",
    body: [
      "Çok fazla yanlış kod girildiği için {{productName}} hesabınızda oturum açmayı geçici olarak duraklattık. Bu, hesabınızı kodu tahmin etmeye çalışan kişilere karşı korur.",
      "Yeniden deneyebileceğiniz zaman: {{lockedUntil}}.",
      "Bu siz değilseniz veya hemen yardıma ihtiyacınız varsa {{supportContact}} ile iletişime geçin.",
    ].join("\n\n"),
    footer: "Bu, {{productName}} tarafından gönderilen otomatik bir mesajdır.",
  },
  unlock: {
    subject: "{{productName}} hesabınızda yeniden oturum açabilirsiniz",
    greeting: "Merhaba {{name}},",
    body: [
      "{{productName}} oturum açma duraklatması sona erdi. Hazır olduğunuzda yeni bir kod isteyebilirsiniz.",
      "Oturum açmaya çalışmadıysanız {{supportContact}} ile iletişime geçin.",
    ].join("\n\n"),
    footer: "Bu, {{productName}} tarafından gönderilen otomatik bir mesajdır.",
  },
};
