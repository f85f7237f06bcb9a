import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Chinese, Simplified (mainland usage). */
export const zh: EmailTemplateSet = {
  code: {
    subject: "您的 {{productName}} 验证码",
    greeting: "{{name}}，您好：",
    body: [
      "这是您请求的验证码：",
      "{{code}}",
      "验证码将在 {{expiryDuration}}后（{{expiryTime}}）过期。请在您请求验证码的页面上输入。",
      "如果您没有请求此验证码，可以忽略此邮件：没有您的邮箱访问权限，任何人都无法使用它。切勿与任何人分享此验证码；{{productName}} 绝不会向您索要验证码。",
    ].join("\n\n"),
    footer: "这是一封来自 {{productName}} 的自动邮件。\n需要帮助？请联系 {{supportContact}}。",
  },
  retry: {
    subject: "您的 {{productName}} 新验证码",
    greeting: "{{name}}，您好：",
    body: [
      "有人输入了错误的验证码，因此我们为您发送了新的验证码。之前的验证码已失效。",
      "{{code}}",
      "验证码将在 {{expiryDuration}}后（{{expiryTime}}）过期。",
      "如果您没有尝试登录，可以忽略此邮件。切勿与任何人分享此验证码；{{productName}} 绝不会向您索要验证码。",
    ].join("\n\n"),
    footer: "这是一封来自 {{productName}} 的自动邮件。\n需要帮助？请联系 {{supportContact}}。",
  },
  lockout: {
    subject: "{{productName}} 登录已暂停",
    greeting: "{{name}}，您好：",
    body: [
      "输入错误验证码的次数过多，因此我们已暂停您的 {{productName}} 账户登录。这可以防止他人猜测验证码。",
      "您可以在 {{lockedUntil}} 之后重试。",
      "如果这不是您本人的操作，或者您现在需要帮助，请联系 {{supportContact}}。",
    ].join("\n\n"),
    footer: "这是一封来自 {{productName}} 的自动邮件。",
  },
  unlock: {
    subject: "您可以重新登录 {{productName}} 了",
    greeting: "{{name}}，您好：",
    body: [
      "{{productName}} 的登录暂停已结束。您可以随时请求新的验证码。",
      "如果您没有尝试登录，请联系 {{supportContact}}。",
    ].join("\n\n"),
    footer: "这是一封来自 {{productName}} 的自动邮件。",
  },
};
