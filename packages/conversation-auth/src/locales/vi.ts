import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Vietnamese. */
export const vi: ConversationMessages = {
  codeSentPhone:
    "Chúng tôi đã gửi mã xác minh đến số {destination} được đăng ký trong hồ sơ của bạn. Vui lòng nhập mã (hết hạn sau {minutes} phút).",
  codeSentEmail:
    "Chúng tôi đã gửi mã xác minh đến email {destination} được đăng ký trong hồ sơ của bạn. Vui lòng nhập mã (hết hạn sau {minutes} phút).",
  codeSentGeneric:
    "Nếu thông tin khớp với một hồ sơ, chúng tôi đã gửi mã xác minh đến liên hệ được đăng ký trong đó. Vui lòng nhập mã (hết hạn sau {minutes} phút).",
  incorrectMany: "Mã không đúng. Bạn còn {attempts} lần thử.",
  incorrectOne: "Mã không đúng. Bạn còn 1 lần thử.",
  incorrectResentMany:
    "Mã không đúng. Chúng tôi đã gửi cho bạn một mã mới. Vui lòng nhập mã mới. Bạn còn {attempts} lần thử.",
  incorrectResentOne:
    "Mã không đúng. Chúng tôi đã gửi cho bạn một mã mới. Vui lòng nhập mã mới. Bạn còn 1 lần thử.",
  replaced:
    "Mã này đã được thay bằng mã mới hơn. Vui lòng nhập mã mới nhất chúng tôi đã gửi cho bạn.",
  cancelled:
    "Mã không đúng. Vì lý do bảo mật, quy trình xác minh đã bị hủy. Hãy nhắn lại cho tôi để bắt đầu lại.",
  expired: "Mã đã hết hạn. Vui lòng nhắn lại cho tôi và tôi sẽ gửi cho bạn mã mới.",
  malformed:
    "Đây có vẻ không phải là mã xác minh. Vui lòng nhập mã {length} chữ số chúng tôi đã gửi cho bạn.",
  verified: "Đã xác minh danh tính.",
  throttled: "Một mã vừa được gửi. Vui lòng đợi {seconds} giây rồi nhắn lại cho tôi.",
  locked: "Vì lý do bảo mật, việc xác minh cho hồ sơ này đang tạm dừng. Vui lòng thử lại sau.",
  pending: "Vui lòng nhập mã xác minh chúng tôi đã gửi cho bạn.",
  notStarted:
    "Hiện không có quy trình xác minh nào đang diễn ra. Hãy cho tôi biết mã định danh của bạn và tôi sẽ gửi mã cho bạn.",
  sessionExpired: "Phiên của bạn đã hết hạn. Vui lòng xác minh lại danh tính để tiếp tục.",
  sessionActive: "Danh tính của bạn đã được xác minh.",
  sessionEnded: "Phiên của bạn đã kết thúc.",
  noChannel:
    "Chúng tôi không thể gửi mã xác minh: hồ sơ của bạn không có số điện thoại hay email. Vui lòng liên hệ bộ phận hỗ trợ.",
};
