import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Japanese (polite). */
export const ja: EmailTemplateSet = {
  code: {
    subject: "{{productName}} の確認コード",
    greeting: "{{name}}様",
    body: [
      "ご依頼いただいた確認コードは次のとおりです。",
      "{{code}}",
      "有効期限は {{expiryDuration}}後（{{expiryTime}}）です。コードをリクエストしたページで入力してください。",
      "このコードに心当たりがない場合は、このメールを無視してください。受信トレイにアクセスできない限り、誰もこのコードを使用できません。このコードは絶対に他人に教えないでください。{{productName}} がコードをお尋ねすることはありません。",
    ].join("\n\n"),
    footer:
      "このメールは {{productName}} から自動送信されています。\nお困りの場合は {{supportContact}} までお問い合わせください。",
  },
  retry: {
    subject: "{{productName}} の新しい確認コード",
    greeting: "{{name}}様",
    body: [
      "誤ったコードが入力されたため、新しいコードをお送りします。以前のコードは使用できなくなりました。",
      "{{code}}",
      "有効期限は {{expiryDuration}}後（{{expiryTime}}）です。",
      "サインインしようとしていない場合は、このメールを無視してください。このコードは絶対に他人に教えないでください。{{productName}} がコードをお尋ねすることはありません。",
    ].join("\n\n"),
    footer:
      "このメールは {{productName}} から自動送信されています。\nお困りの場合は {{supportContact}} までお問い合わせください。",
  },
  lockout: {
    subject: "{{productName}} へのサインインを一時停止しました",
    greeting: "{{name}}様",
    body: [
      "誤ったコードが何度も入力されたため、{{productName}} アカウントへのサインインを一時停止しました。これは、コードを推測しようとする第三者からアカウントを保護するための措置です。",
      "{{lockedUntil}} 以降に再度お試しください。",
      "お心当たりがない場合、またはすぐにサポートが必要な場合は、{{supportContact}} までお問い合わせください。",
    ].join("\n\n"),
    footer: "このメールは {{productName}} から自動送信されています。",
  },
  unlock: {
    subject: "{{productName}} に再びサインインできるようになりました",
    greeting: "{{name}}様",
    body: [
      "{{productName}} へのサインインの一時停止が解除されました。準備ができたら、いつでも新しいコードをリクエストできます。",
      "サインインしようとしていなかった場合は、{{supportContact}} までお問い合わせください。",
    ].join("\n\n"),
    footer: "このメールは {{productName}} から自動送信されています。",
  },
};
