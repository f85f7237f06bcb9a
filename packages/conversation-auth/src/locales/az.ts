import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Azerbaijani (Latin script). */
export const az: ConversationMessages = {
  codeSentPhone:
    "Profilinizdə qeydiyyatda olan {destination} nömrəsinə təsdiq kodu göndərdik. Zəhmət olmasa, kodu daxil edin ({minutes} dəqiqə ərzində etibarlıdır).",
  codeSentEmail:
    "Profilinizdə qeydiyyatda olan {destination} e-poçt ünvanına təsdiq kodu göndərdik. Zəhmət olmasa, kodu daxil edin ({minutes} dəqiqə ərzində etibarlıdır).",
  codeSentGeneric:
    "Məlumatlar hansısa profilə uyğun gəlirsə, orada qeyd olunan əlaqə vasitəsinə təsdiq kodu göndərdik. Zəhmət olmasa, kodu daxil edin ({minutes} dəqiqə ərzində etibarlıdır).",
  incorrectMany: "Kod yanlışdır. {attempts} cəhdiniz qalıb.",
  incorrectOne: "Kod yanlışdır. 1 cəhdiniz qalıb.",
  incorrectResentMany:
    "Kod yanlışdır. Sizə yeni kod göndərdik, zəhmət olmasa, onu daxil edin. {attempts} cəhdiniz qalıb.",
  incorrectResentOne:
    "Kod yanlışdır. Sizə yeni kod göndərdik, zəhmət olmasa, onu daxil edin. 1 cəhdiniz qalıb.",
  replaced:
    "Bu kod daha yenisi ilə əvəz olunub. Zəhmət olmasa, sizə göndərdiyimiz ən son kodu daxil edin.",
  cancelled:
    "Kod yanlışdır. Təhlükəsizlik üçün təsdiqləmə prosesi ləğv edildi. Yenidən başlamaq üçün mənə yenə yazın.",
  expired: "Kodun müddəti bitib. Zəhmət olmasa, mənə yenə yazın, sizə yeni kod göndərim.",
  malformed:
    "Bu, təsdiq koduna oxşamır. Zəhmət olmasa, sizə göndərdiyimiz {length} rəqəmli kodu daxil edin.",
  verified: "Şəxsiyyət təsdiqləndi.",
  throttled:
    "Bir az əvvəl kod göndərildi. Zəhmət olmasa, {seconds} saniyə gözləyin və mənə yenə yazın.",
  locked:
    "Təhlükəsizlik üçün bu profil üzrə təsdiqləmə dayandırılıb. Zəhmət olmasa, bir qədər sonra yenidən cəhd edin.",
  pending: "Zəhmət olmasa, sizə göndərdiyimiz təsdiq kodunu daxil edin.",
  notStarted:
    "Hazırda davam edən təsdiqləmə yoxdur. Mənə identifikatorunuzu deyin, sizə kod göndərim.",
  sessionExpired:
    "Sessiyanızın müddəti bitib. Davam etmək üçün şəxsiyyətinizi yenidən təsdiqləyin.",
  sessionActive: "Şəxsiyyətiniz təsdiqlənib.",
  sessionEnded: "Sessiyanız başa çatdı.",
  noChannel:
    "Təsdiq kodu göndərə bilmirik: profilinizdə nə telefon nömrəsi, nə də e-poçt ünvanı var. Zəhmət olmasa, dəstək xidməti ilə əlaqə saxlayın.",
};
