import type { PageStrings } from "../page-strings.js";

/** The hosted page: Korean (polite). */
export const ko: PageStrings = {
  title: "인증 코드를 입력하세요",
  endedTitle: "인증 코드",
  introTo: "{destination}(으)로 코드를 보냈습니다.",
  intro: "보내 드린 코드를 입력하세요.",
  label: "인증 코드",
  hint: "공백과 하이픈은 입력해도 됩니다.",
  submit: "인증",
  invalidOne: "코드가 올바르지 않습니다. 남은 시도: 1회",
  invalidMany: "코드가 올바르지 않습니다. 남은 시도: {attempts}회",
  replacedTo:
    "이 코드는 새 코드로 대체되었습니다. {destination}(으)로 보낸 최신 코드를 입력하세요.",
  replaced: "이 코드는 새 코드로 대체되었습니다. 보내 드린 최신 코드를 입력하세요.",
  resentToOne: "{destination}(으)로 새 코드를 보냈습니다. 새 코드를 입력하세요(시도 1회).",
  resentTo: "{destination}(으)로 새 코드를 보냈습니다. 새 코드를 입력하세요(시도 {attempts}회).",
  resentOne: "새 코드를 보냈습니다. 새 코드를 입력하세요(시도 1회).",
  resent: "새 코드를 보냈습니다. 새 코드를 입력하세요(시도 {attempts}회).",
  wrongThen: "코드가 올바르지 않습니다. {next}",
  resendPrompt: "코드를 받지 못하셨나요?",
  resendButton: "새 코드 보내기",
  waitSecond: "1초 후에 새 코드를 요청할 수 있습니다.",
  waitSeconds: "{seconds}초 후에 새 코드를 요청할 수 있습니다.",
  waitMinute: "1분 후에 새 코드를 요청할 수 있습니다.",
  waitMinutes: "{minutes}분 후에 새 코드를 요청할 수 있습니다.",
  resendFailed: "새 코드를 보내지 못했습니다. 1분 후에 다시 시도하세요.",
  malformedDigits: "{length}자리 코드를 입력하세요.",
  malformedLetters: "{length}자 코드(영문자)를 입력하세요.",
  malformedAlphanumeric: "{length}자 코드(영문자와 숫자)를 입력하세요.",
  exhausted: "이 코드의 오입력 횟수가 너무 많습니다. 새 코드를 요청하세요.",
  expired: "이 코드는 만료되었습니다. 새 코드를 요청하세요.",
  lockedOne:
    "실패한 시도가 너무 많습니다. 로그인이 일시 중지되었습니다. 1분 후에 다시 시도하세요({time} UTC 이후).",
  locked:
    "실패한 시도가 너무 많습니다. 로그인이 일시 중지되었습니다. {minutes}분 후에 다시 시도하세요({time} UTC 이후).",
  lockedContact:
    "실패한 시도가 너무 많습니다. 고객 지원팀이 잠금을 해제할 때까지 로그인이 잠겨 있습니다. {support}에 문의하세요.",
  lockedSupport:
    "실패한 시도가 너무 많습니다. 고객 지원팀이 잠금을 해제할 때까지 로그인이 잠겨 있습니다. 고객 지원팀에 문의하세요.",
  notFound: "이 코드는 더 이상 유효하지 않습니다. 새 코드를 요청하세요.",
  verifiedTitle: "인증이 완료되었습니다",
  verified: "감사합니다. 코드가 올바릅니다. 이 페이지를 닫아도 됩니다.",
  continue: "계속",
  unknownTitle: "유효하지 않은 링크입니다",
  unknown: "링크가 잘못 입력되었거나 요청이 취소되었을 수 있습니다.",
  cancelled: "이 인증은 취소되었습니다. 새 코드를 요청하세요.",
  tooMany: "사용 중인 네트워크에서 요청이 너무 많습니다. 1분 후에 다시 시도하세요.",
  badForm: "양식이 만료되었습니다. 페이지를 새로 고친 후 코드를 다시 입력하세요.",
};
