import type { PageStrings } from "../page-strings.js";

/** The hosted page: Vietnamese. */
export const vi: PageStrings = {
  title: "Nhập mã xác minh của bạn",
  endedTitle: "Mã xác minh",
  introTo: "Chúng tôi đã gửi mã đến {destination}.",
  intro: "Nhập mã chúng tôi đã gửi cho bạn.",
  label: "Mã xác minh",
  hint: "Có thể có dấu cách và dấu gạch ngang.",
  submit: "Xác minh",
  invalidOne: "Mã không đúng. Còn 1 lần thử.",
  invalidMany: "Mã không đúng. Còn {attempts} lần thử.",
  resentToOne: "Chúng tôi đã gửi mã mới đến {destination}. Nhập mã mới (1 lần thử).",
  resentTo: "Chúng tôi đã gửi mã mới đến {destination}. Nhập mã mới ({attempts} lần thử).",
  resentOne: "Chúng tôi đã gửi mã mới. Nhập mã mới (1 lần thử).",
  resent: "Chúng tôi đã gửi mã mới. Nhập mã mới ({attempts} lần thử).",
  wrongThen: "Mã không đúng. {next}",
  resendPrompt: "Chưa nhận được mã?",
  resendButton: "Gửi mã mới",
  waitSecond: "Bạn có thể yêu cầu mã mới sau 1 giây.",
  waitSeconds: "Bạn có thể yêu cầu mã mới sau {seconds} giây.",
  waitMinute: "Bạn có thể yêu cầu mã mới sau 1 phút.",
  waitMinutes: "Bạn có thể yêu cầu mã mới sau {minutes} phút.",
  resendFailed: "Chúng tôi không gửi được mã mới. Hãy thử lại sau một phút.",
  malformedDigits: "Nhập mã gồm {length} chữ số.",
  malformedLetters: "Nhập mã gồm {length} ký tự (chữ cái).",
  malformedAlphanumeric: "Nhập mã gồm {length} ký tự (chữ cái và chữ số).",
  exhausted: "Đã nhập sai mã này quá nhiều lần. Hãy yêu cầu mã mới.",
  expired: "Mã này đã hết hạn. Hãy yêu cầu mã mới.",
  lockedOne:
    "Quá nhiều lần thử không thành công. Việc đăng nhập đang tạm dừng; hãy thử lại sau 1 phút (sau {time} UTC).",
  locked:
    "Quá nhiều lần thử không thành công. Việc đăng nhập đang tạm dừng; hãy thử lại sau {minutes} phút (sau {time} UTC).",
  lockedContact:
    "Quá nhiều lần thử không thành công. Việc đăng nhập bị khóa cho đến khi bộ phận hỗ trợ mở khóa; hãy liên hệ {support}.",
  lockedSupport:
    "Quá nhiều lần thử không thành công. Việc đăng nhập bị khóa cho đến khi bộ phận hỗ trợ mở khóa; hãy liên hệ bộ phận hỗ trợ.",
  notFound: "Mã này không còn hợp lệ. Hãy yêu cầu mã mới.",
  verifiedTitle: "Đã xác minh",
  verified: "Cảm ơn bạn, mã chính xác. Bạn có thể đóng trang này.",
  continue: "Tiếp tục",
  unknownTitle: "Liên kết này không hợp lệ",
  unknown: "Có thể liên kết bị nhập sai, hoặc yêu cầu đã bị hủy.",
  cancelled: "Lần xác minh này đã bị hủy. Hãy yêu cầu mã mới.",
  tooMany: "Có quá nhiều yêu cầu từ mạng của bạn. Hãy đợi một phút rồi thử lại.",
  badForm: "Biểu mẫu đã hết hạn. Hãy tải lại trang và nhập lại mã.",
};
