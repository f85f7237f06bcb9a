import type { PageStrings } from "../page-strings.js";

/** The hosted page: Azerbaijani (Latin script). */
export const az: PageStrings = {
  title: "Təsdiq kodunuzu daxil edin",
  endedTitle: "Təsdiq kodu",
  introTo: "Bu ünvana kod göndərdik: {destination}.",
  intro: "Sizə göndərdiyimiz kodu daxil edin.",
  label: "Təsdiq kodu",
  hint: "Boşluq və tire işlətmək olar.",
  submit: "Təsdiqlə",
  invalidOne: "Kod düzgün deyil. 1 cəhdiniz qalıb.",
  invalidMany: "Kod düzgün deyil. {attempts} cəhdiniz qalıb.",
  resentToOne: "Bu ünvana yeni kod göndərdik: {destination}. Yeni kodu daxil edin (1 cəhd).",
  resentTo: "Bu ünvana yeni kod göndərdik: {destination}. Yeni kodu daxil edin ({attempts} cəhd).",
  resentOne: "Yeni kod göndərdik. Yeni kodu daxil edin (1 cəhd).",
  resent: "Yeni kod göndərdik. Yeni kodu daxil edin ({attempts} cəhd).",
  wrongThen: "Kod düzgün deyil. {next}",
  resendPrompt: "Kod gəlmədi?",
  resendButton: "Yeni kod göndər",
  waitSecond: "Yeni kodu 1 saniyədən sonra istəyə bilərsiniz.",
  waitSeconds: "Yeni kodu {seconds} saniyədən sonra istəyə bilərsiniz.",
  waitMinute: "Yeni kodu 1 dəqiqədən sonra istəyə bilərsiniz.",
  waitMinutes: "Yeni kodu {minutes} dəqiqədən sonra istəyə bilərsiniz.",
  resendFailed: "Yeni kod göndərə bilmədik. Bir dəqiqədən sonra yenidən cəhd edin.",
  malformedDigits: "{length} rəqəmli kodu daxil edin.",
  malformedLetters: "{length} simvollu kodu daxil edin (hərflər).",
  malformedAlphanumeric: "{length} simvollu kodu daxil edin (hərflər və rəqəmlər).",
  exhausted: "Bu kod üçün həddindən çox səhv cəhd edilib. Yeni kod istəyin.",
  expired: "Bu kodun müddəti bitib. Yeni kod istəyin.",
  lockedOne:
    "Həddindən çox uğursuz cəhd. Giriş dayandırılıb; 1 dəqiqədən sonra yenidən cəhd edin ({time} UTC-dən sonra).",
  locked:
    "Həddindən çox uğursuz cəhd. Giriş dayandırılıb; {minutes} dəqiqədən sonra yenidən cəhd edin ({time} UTC-dən sonra).",
  lockedContact:
    "Həddindən çox uğursuz cəhd. Dəstək xidməti kilidi açana qədər giriş bağlıdır; bu ünvanla əlaqə saxlayın: {support}.",
  lockedSupport:
    "Həddindən çox uğursuz cəhd. Dəstək xidməti kilidi açana qədər giriş bağlıdır; dəstək xidməti ilə əlaqə saxlayın.",
  notFound: "Bu kod artıq etibarlı deyil. Yeni kod istəyin.",
  verifiedTitle: "Təsdiqləmə tamamlandı",
  verified: "Təşəkkürlər, kod düzgündür. Bu səhifəni bağlaya bilərsiniz.",
  continue: "Davam et",
  unknownTitle: "Bu keçid etibarlı deyil",
  unknown: "Keçid səhv yazılmış ola bilər və ya sorğu ləğv edilib.",
  cancelled: "Bu təsdiqləmə ləğv edildi. Yeni kod istəyin.",
  tooMany: "Şəbəkənizdən həddindən çox sorğu gəlib. Bir dəqiqə gözləyin və yenidən cəhd edin.",
  badForm: "Formanın müddəti bitib. Səhifəni yeniləyin və kodu yenidən daxil edin.",
};
