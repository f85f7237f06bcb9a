import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Turkish (formal). */
export const tr: ConversationMessages = {
  codeSentPhone:
    "Profilinizde kayıtlı {destination} numarasına bir doğrulama kodu gönderdik. Lütfen kodu girin ({minutes} dakika içinde geçerliliğini yitirir).",
  codeSentEmail:
    "Profilinizde kayıtlı {destination} e-posta adresine bir doğrulama kodu gönderdik. Lütfen kodu girin ({minutes} dakika içinde geçerliliğini yitirir).",
  codeSentGeneric:
    "Bilgiler bir kayıtla eşleşiyorsa, o kayıttaki iletişim bilgisine bir doğrulama kodu gönderdik. Lütfen kodu girin ({minutes} dakika içinde geçerliliğini yitirir).",
  incorrectMany: "Kod yanlış. {attempts} deneme hakkınız kaldı.",
  incorrectOne: "Kod yanlış. 1 deneme hakkınız kaldı.",
  incorrectResentMany:
    "Kod yanlış. Size yeni bir kod gönderdik. Lütfen onu girin. {attempts} deneme hakkınız kaldı.",
  incorrectResentOne:
    "Kod yanlış. Size yeni bir kod gönderdik. Lütfen onu girin. 1 deneme hakkınız kaldı.",
  replaced:
    "Bu kodun yerine daha yeni bir kod gönderildi. Lütfen size gönderdiğimiz en son kodu girin.",
  cancelled:
    "Kod yanlış. Güvenliğiniz için doğrulama işlemi iptal edildi. Yeniden başlamak için bana tekrar yazın.",
  expired: "Kodun süresi doldu. Lütfen bana tekrar yazın, size yeni bir kod göndereyim.",
  malformed:
    "Bu bir doğrulama koduna benzemiyor. Lütfen size gönderdiğimiz {length} haneli kodu girin.",
  verified: "Kimlik doğrulandı.",
  throttled: "Az önce bir kod gönderildi. Lütfen {seconds} saniye bekleyip bana tekrar yazın.",
  locked:
    "Güvenlik nedeniyle bu profil için doğrulama duraklatıldı. Lütfen daha sonra tekrar deneyin.",
  pending: "Lütfen size gönderdiğimiz doğrulama kodunu girin.",
  notStarted:
    "Devam eden bir doğrulama yok. Bana kimlik bilginizi söyleyin, size bir kod göndereyim.",
  sessionExpired:
    "Oturumunuzun süresi doldu. Devam etmek için lütfen kimliğinizi yeniden doğrulayın.",
  sessionActive: "Kimliğiniz doğrulandı.",
  sessionEnded: "Oturumunuz sona erdi.",
  noChannel:
    "Doğrulama kodu gönderemiyoruz: profilinizde telefon numarası veya e-posta adresi yok. Lütfen destek ekibiyle iletişime geçin.",
};
