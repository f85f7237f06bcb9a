import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Arabic (Modern Standard Arabic), right to left. */
export const ar: EmailTemplateSet = {
  code: {
    subject: "رمز التحقق الخاص بك من {{productName}}",
    greeting: "مرحبًا {{name}}،",
    body: [
      "إليك رمز التحقق الذي طلبته:",
      "{{code}}",
      "تنتهي صلاحيته خلال {{expiryDuration}} (في {{expiryTime}}). أدخله في الصفحة التي طلبته منها.",
      "إذا لم تطلب هذا الرمز، يمكنك تجاهل هذه الرسالة: لا يمكن لأحد استخدامه دون الوصول إلى بريدك الوارد. لا تشاركه مع أي شخص أبدًا؛ لن يطلبه منك {{productName}} أبدًا.",
    ].join("\n\n"),
    footer:
      "هذه رسالة تلقائية من {{productName}}.\nهل تحتاج إلى مساعدة؟ تواصل مع {{supportContact}}.",
  },
  retry: {
    subject: "رمز التحقق الجديد الخاص بك من {{productName}}",
    greeting: "مرحبًا {{name}}،",
    body: [
      "تم إدخال رمز غير صحيح، لذا إليك رمزًا جديدًا. الرمز السابق لم يعد صالحًا.",
      "{{code}}",
      "تنتهي صلاحيته خلال {{expiryDuration}} (في {{expiryTime}}).",
      "إذا لم تكن تحاول تسجيل الدخول، يمكنك تجاهل هذه الرسالة. لا تشارك هذا الرمز مع أي شخص أبدًا؛ لن يطلبه منك {{productName}} أبدًا.",
    ].join("\n\n"),
    footer:
      "هذه رسالة تلقائية من {{productName}}.\nهل تحتاج إلى مساعدة؟ تواصل مع {{supportContact}}.",
  },
  lockout: {
    subject: "تم إيقاف تسجيل الدخول إلى {{productName}} مؤقتًا",
    greeting: "مرحبًا {{name}}،",
    body: [
      "تم إدخال عدد كبير جدًا من الرموز غير الصحيحة، لذا أوقفنا مؤقتًا تسجيل الدخول إلى حسابك في {{productName}}. هذا يحميه من أي شخص يحاول تخمين الرمز.",
      "يمكنك المحاولة مرة أخرى بعد {{lockedUntil}}.",
      "إذا لم تكن أنت، أو كنت بحاجة إلى مساعدة الآن، فتواصل مع {{supportContact}}.",
    ].join("\n\n"),
    footer: "هذه رسالة تلقائية من {{productName}}.",
  },
  unlock: {
    subject: "يمكنك تسجيل الدخول إلى {{productName}} مجددًا",
    greeting: "مرحبًا {{name}}،",
    body: [
      "انتهى الإيقاف المؤقت لتسجيل الدخول إلى {{productName}}. يمكنك طلب رمز جديد متى كنت مستعدًا.",
      "إذا لم تكن تحاول تسجيل الدخول، فتواصل مع {{supportContact}}.",
    ].join("\n\n"),
    footer: "هذه رسالة تلقائية من {{productName}}.",
  },
};
