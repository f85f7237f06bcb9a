import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Chinese, Traditional (Taiwan usage; also for Hong Kong and Macao). */
export const zhHant: ConversationMessages = {
  codeSentPhone:
    "我們已將驗證碼傳送至您個人資料中登記的號碼 {destination}。請輸入驗證碼（{minutes} 分鐘內有效）。",
  codeSentEmail:
    "我們已將驗證碼傳送至您個人資料中登記的電子郵件 {destination}。請輸入驗證碼（{minutes} 分鐘內有效）。",
  codeSentGeneric:
    "如果您提供的資料與某筆紀錄相符，我們已將驗證碼傳送至該紀錄中登記的聯絡方式。請輸入驗證碼（{minutes} 分鐘內有效）。",
  incorrectMany: "驗證碼錯誤。您還有 {attempts} 次機會。",
  incorrectOne: "驗證碼錯誤。您還有 1 次機會。",
  incorrectResentMany:
    "驗證碼錯誤。我們已傳送新的驗證碼給您，請輸入新的驗證碼。您還有 {attempts} 次機會。",
  incorrectResentOne: "驗證碼錯誤。我們已傳送新的驗證碼給您，請輸入新的驗證碼。您還有 1 次機會。",
  replaced: "此驗證碼已被較新的驗證碼取代。請輸入我們最近傳送給您的驗證碼。",
  cancelled: "驗證碼錯誤。為了安全，驗證程序已取消。請再傳訊息給我以重新開始。",
  expired: "驗證碼已過期。請再傳訊息給我，我會傳送新的驗證碼給您。",
  malformed: "這看起來不像驗證碼。請輸入我們傳送給您的 {length} 位數驗證碼。",
  verified: "身分已驗證。",
  throttled: "剛剛已傳送過驗證碼。請等候 {seconds} 秒後再傳訊息給我。",
  locked: "為了安全，此個人資料的驗證已暫停。請稍後再試。",
  pending: "請輸入我們傳送給您的驗證碼。",
  notStarted: "目前沒有進行中的驗證。請告訴我您的識別資料，我會傳送驗證碼給您。",
  sessionExpired: "您的工作階段已過期。請重新驗證身分以繼續。",
  sessionActive: "您的身分已驗證。",
  sessionEnded: "您的工作階段已結束。",
  noChannel: "無法傳送驗證碼：您的個人資料中沒有電話號碼或電子郵件。請聯絡客服。",
};
