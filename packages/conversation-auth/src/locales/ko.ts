import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Korean (polite). */
export const ko: ConversationMessages = {
  codeSentPhone:
    "프로필에 등록된 번호 {destination}(으)로 인증 코드를 보냈습니다. 코드를 입력해 주세요({minutes}분 후 만료).",
  codeSentEmail:
    "프로필에 등록된 이메일 {destination}(으)로 인증 코드를 보냈습니다. 코드를 입력해 주세요({minutes}분 후 만료).",
  codeSentGeneric:
    "입력하신 정보와 일치하는 기록이 있으면 그 기록에 등록된 연락처로 인증 코드를 보냈습니다. 코드를 입력해 주세요({minutes}분 후 만료).",
  incorrectMany: "코드가 올바르지 않습니다. 남은 시도 횟수: {attempts}회",
  incorrectOne: "코드가 올바르지 않습니다. 남은 시도 횟수: 1회",
  incorrectResentMany:
    "코드가 올바르지 않습니다. 새 코드를 보내 드렸습니다. 새 코드를 입력해 주세요. 남은 시도 횟수: {attempts}회",
  incorrectResentOne:
    "코드가 올바르지 않습니다. 새 코드를 보내 드렸습니다. 새 코드를 입력해 주세요. 남은 시도 횟수: 1회",
  replaced: "이 코드는 새 코드로 대체되었습니다. 가장 최근에 보내 드린 코드를 입력해 주세요.",
  cancelled:
    "코드가 올바르지 않습니다. 보안을 위해 인증 절차가 취소되었습니다. 다시 시작하려면 메시지를 다시 보내 주세요.",
  expired: "코드가 만료되었습니다. 메시지를 다시 보내 주시면 새 코드를 보내 드리겠습니다.",
  malformed: "인증 코드가 아닌 것 같습니다. 보내 드린 {length}자리 코드를 입력해 주세요.",
  verified: "본인 인증이 완료되었습니다.",
  throttled: "방금 코드를 보냈습니다. {seconds}초 후에 메시지를 다시 보내 주세요.",
  locked: "보안을 위해 이 프로필의 인증이 일시 중지되었습니다. 나중에 다시 시도해 주세요.",
  pending: "보내 드린 인증 코드를 입력해 주세요.",
  notStarted: "진행 중인 인증이 없습니다. 식별 정보를 알려 주시면 코드를 보내 드리겠습니다.",
  sessionExpired: "세션이 만료되었습니다. 계속하려면 본인 인증을 다시 해 주세요.",
  sessionActive: "본인 인증이 완료된 상태입니다.",
  sessionEnded: "세션이 종료되었습니다.",
  noChannel:
    "인증 코드를 보낼 수 없습니다. 프로필에 전화번호나 이메일이 없습니다. 고객 지원팀에 문의해 주세요.",
};
