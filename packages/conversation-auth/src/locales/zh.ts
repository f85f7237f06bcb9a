import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Chinese, Simplified (mainland usage). */
export const zh: ConversationMessages = {
  codeSentPhone:
    "我们已向您资料中登记的号码 {destination} 发送验证码。请输入验证码（{minutes} 分钟内有效）。",
  codeSentEmail:
    "我们已向您资料中登记的邮箱 {destination} 发送验证码。请输入验证码（{minutes} 分钟内有效）。",
  codeSentGeneric:
    "如果所填信息与某条记录相符，我们已向该记录中登记的联系方式发送验证码。请输入验证码（{minutes} 分钟内有效）。",
  incorrectMany: "验证码错误。您还有 {attempts} 次机会。",
  incorrectOne: "验证码错误。您还有 1 次机会。",
  incorrectResentMany:
    "验证码错误。我们已向您发送新的验证码，请输入新的验证码。您还有 {attempts} 次机会。",
  incorrectResentOne: "验证码错误。我们已向您发送新的验证码，请输入新的验证码。您还有 1 次机会。",
  replaced: "此验证码已被更新的验证码取代。请输入我们最近发给您的验证码。",
  cancelled: "验证码错误。为了安全，验证流程已取消。请重新给我发消息以重新开始。",
  expired: "验证码已过期。请重新给我发消息，我会给您发送新的验证码。",
  malformed: "这看起来不像验证码。请输入我们发给您的 {length} 位验证码。",
  verified: "身份已验证。",
  throttled: "刚刚已发送过验证码。请等待 {seconds} 秒后再给我发消息。",
  locked: "为了安全，此资料的验证已暂停。请稍后再试。",
  pending: "请输入我们发给您的验证码。",
  notStarted: "当前没有进行中的验证。请告诉我您的识别信息，我会给您发送验证码。",
  sessionExpired: "您的会话已过期。请重新验证身份后继续。",
  sessionActive: "您的身份已验证。",
  sessionEnded: "您的会话已结束。",
  noChannel: "无法发送验证码：您的资料中没有电话号码或邮箱。请联系客服。",
};
