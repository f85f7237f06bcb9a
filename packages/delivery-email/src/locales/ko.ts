import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Korean (polite). */
export const ko: EmailTemplateSet = {
  code: {
    subject: "{{productName}} 인증 코드",
    greeting: "안녕하세요, {{name}}님.",
    body: [
      "요청하신 인증 코드는 다음과 같습니다.",
      "{{code}}",
      "이 코드는 {{expiryDuration}} 후({{expiryTime}})에 만료됩니다. 코드를 요청한 페이지에 입력하세요.",
      "이 코드를 요청하지 않으셨다면 이 이메일을 무시하셔도 됩니다. 받은편지함에 접근할 수 없는 사람은 이 코드를 사용할 수 없습니다. 이 코드는 절대 다른 사람과 공유하지 마세요. {{productName}}은(는) 절대 코드를 묻지 않습니다.",
    ].join("\n\n"),
    footer:
      "이 메일은 {{productName}}에서 자동으로 발송되었습니다.\n도움이 필요하신가요? {{supportContact}}(으)로 문의하세요.",
  },
  retry: {
    subject: "{{productName}} 새 인증 코드",
    greeting: "안녕하세요, {{name}}님.",
    body: [
      "잘못된 코드가 입력되어 새 코드를 보내 드립니다. 이전 코드는 더 이상 사용할 수 없습니다.",
      "{{code}}",
      "이 코드는 {{expiryDuration}} 후({{expiryTime}})에 만료됩니다.",
      "로그인을 시도하고 있지 않다면 이 이메일을 무시하셔도 됩니다. 이 코드는 절대 다른 사람과 공유하지 마세요. {{productName}}은(는) 절대 코드를 묻지 않습니다.",
    ].join("\n\n"),
    footer:
      "이 메일은 {{productName}}에서 자동으로 발송되었습니다.\n도움이 필요하신가요? {{supportContact}}(으)로 문의하세요.",
  },
  lockout: {
    subject: "{{productName}} 로그인이 일시 중지되었습니다",
    greeting: "안녕하세요, {{name}}님.",
    body: [
      "잘못된 코드가 너무 많이 입력되어 {{productName}} 계정의 로그인을 일시 중지했습니다. 누군가 코드를 추측하려는 시도로부터 계정을 보호하기 위한 조치입니다.",
      "{{lockedUntil}} 이후에 다시 시도할 수 있습니다.",
      "본인이 시도한 것이 아니거나 지금 도움이 필요하다면 {{supportContact}}(으)로 문의하세요.",
    ].join("\n\n"),
    footer: "이 메일은 {{productName}}에서 자동으로 발송되었습니다.",
  },
  unlock: {
    subject: "{{productName}}에 다시 로그인할 수 있습니다",
    greeting: "안녕하세요, {{name}}님.",
    body: [
      "{{productName}} 로그인 일시 중지가 해제되었습니다. 준비되면 언제든지 새 코드를 요청할 수 있습니다.",
      "로그인을 시도하지 않으셨다면 {{supportContact}}(으)로 문의하세요.",
    ].join("\n\n"),
    footer: "이 메일은 {{productName}}에서 자동으로 발송되었습니다.",
  },
};
