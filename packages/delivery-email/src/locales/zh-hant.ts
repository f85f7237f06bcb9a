import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Chinese, Traditional (Taiwan usage; also for Hong Kong and Macao). */
export const zhHant: EmailTemplateSet = {
  code: {
    subject: "您的 {{productName}} 驗證碼",
    greeting: "{{name}}，您好：",
    body: [
      "這是您要求的驗證碼：",
      "{{code}}",
      "驗證碼將在 {{expiryDuration}}後（{{expiryTime}}）失效。請在您要求驗證碼的頁面上輸入。",
      "如果您沒有要求此驗證碼，可以忽略這封電子郵件：沒有您信箱的存取權，任何人都無法使用它。請勿與任何人分享此驗證碼；{{productName}} 絕不會向您索取驗證碼。",
    ].join("\n\n"),
    footer:
      "這是一封來自 {{productName}} 的自動電子郵件。\n需要協助嗎？請聯絡 {{supportContact}}。",
  },
  retry: {
    subject: "您的 {{productName}} 新驗證碼",
    greeting: "{{name}}，您好：",
    body: [
      "有人輸入了錯誤的驗證碼，因此我們為您傳送了新的驗證碼。先前的驗證碼已失效。",
      "{{code}}",
      "驗證碼將在 {{expiryDuration}}後（{{expiryTime}}）失效。",
      "如果您沒有嘗試登入，可以忽略這封電子郵件。請勿與任何人分享此驗證碼；{{productName}} 絕不會向您索取驗證碼。",
    ].join("\n\n"),
    footer:
      "這是一封來自 {{productName}} 的自動電子郵件。\n需要協助嗎？請聯絡 {{supportContact}}。",
  },
  lockout: {
    subject: "{{productName}} 登入已暫停",
    greeting: "{{name}}，您好：",
    body: [
      "輸入錯誤驗證碼的次數過多，因此我們已暫停您的 {{productName}} 帳戶登入。這可以防止他人猜測驗證碼。",
      "您可以在 {{lockedUntil}} 之後重試。",
      "如果這不是您本人的操作，或您現在需要協助，請聯絡 {{supportContact}}。",
    ].join("\n\n"),
    footer: "這是一封來自 {{productName}} 的自動電子郵件。",
  },
  unlock: {
    subject: "您可以重新登入 {{productName}} 了",
    greeting: "{{name}}，您好：",
    body: [
      "{{productName}} 的登入暫停已結束。您可以隨時要求新的驗證碼。",
      "如果您沒有嘗試登入，請聯絡 {{supportContact}}。",
    ].join("\n\n"),
    footer: "這是一封來自 {{productName}} 的自動電子郵件。",
  },
};
