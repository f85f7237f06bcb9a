import type { PageStrings } from "../page-strings.js";

/** The hosted page: Turkish (formal). */
export const tr: PageStrings = {
  title: "Doğrulama kodunuzu girin",
  endedTitle: "Doğrulama kodu",
  introTo: "Şu adrese bir kod gönderdik: {destination}.",
  intro: "Size gönderdiğimiz kodu girin.",
  label: "Doğrulama kodu",
  hint: "Boşluk ve tire kullanabilirsiniz.",
  submit: "Doğrula",
  invalidOne: "Kod doğru değil. 1 deneme hakkınız kaldı.",
  invalidMany: "Kod doğru değil. {attempts} deneme hakkınız kaldı.",
  replacedTo:
    "Bu kodun yerine yenisi gönderildi. Şu adrese gönderdiğimiz en son kodu kullanın: {destination}.",
  replaced: "Bu kodun yerine yenisi gönderildi. Size gönderdiğimiz en son kodu kullanın.",
  resentToOne: "Şu adrese yeni bir kod gönderdik: {destination}. Yeni kodu girin (1 deneme).",
  resentTo: "Şu adrese yeni bir kod gönderdik: {destination}. Yeni kodu girin ({attempts} deneme).",
  resentOne: "Yeni bir kod gönderdik. Yeni kodu girin (1 deneme).",
  resent: "Yeni bir kod gönderdik. Yeni kodu girin ({attempts} deneme).",
  wrongThen: "Kod doğru değil. {next}",
  resendPrompt: "Kod gelmedi mi?",
  resendButton: "Yeni kod gönder",
  waitSecond: "1 saniye sonra yeni kod isteyebilirsiniz.",
  waitSeconds: "{seconds} saniye sonra yeni kod isteyebilirsiniz.",
  waitMinute: "1 dakika sonra yeni kod isteyebilirsiniz.",
  waitMinutes: "{minutes} dakika sonra yeni kod isteyebilirsiniz.",
  resendFailed: "Yeni kod gönderemedik. Bir dakika sonra tekrar deneyin.",
  malformedDigits: "{length} haneli kodu girin.",
  malformedLetters: "{length} karakterli kodu girin (harf).",
  malformedAlphanumeric: "{length} karakterli kodu girin (harf ve rakam).",
  exhausted: "Bu kod için çok fazla yanlış deneme yapıldı. Yeni kod isteyin.",
  expired: "Bu kodun süresi doldu. Yeni kod isteyin.",
  lockedOne:
    "Çok fazla başarısız deneme. Giriş duraklatıldı; 1 dakika sonra tekrar deneyin ({time} UTC sonrasında).",
  locked:
    "Çok fazla başarısız deneme. Giriş duraklatıldı; {minutes} dakika sonra tekrar deneyin ({time} UTC sonrasında).",
  lockedContact:
    "Çok fazla başarısız deneme. Destek ekibi kilidi açana kadar giriş kilitli; şu adresle iletişime geçin: {support}.",
  lockedSupport:
    "Çok fazla başarısız deneme. Destek ekibi kilidi açana kadar giriş kilitli; destek ekibiyle iletişime geçin.",
  notFound: "Bu kod artık geçerli değil. Yeni kod isteyin.",
  verifiedTitle: "Doğrulama tamamlandı",
  verified: "Teşekkürler, kodunuz doğru. Bu sayfayı kapatabilirsiniz.",
  continue: "Devam et",
  unknownTitle: "Bu bağlantı geçerli değil",
  unknown: "Bağlantı yanlış yazılmış olabilir ya da istek iptal edilmiş olabilir.",
  cancelled: "Bu doğrulama iptal edildi. Yeni kod isteyin.",
  tooMany: "Ağınızdan çok fazla istek geldi. Bir dakika bekleyip tekrar deneyin.",
  badForm: "Formun süresi doldu. Sayfayı yenileyin ve kodu tekrar girin.",
};
