import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Vietnamese. */
export const vi: EmailTemplateSet = {
  code: {
    subject: "Mã xác minh {{productName}} của bạn",
    greeting: "Xin chào {{name}},",
    body: [
      "Đây là mã xác minh mà bạn đã yêu cầu:",
      "{{code}}",
      "Mã sẽ hết hạn sau {{expiryDuration}} (lúc {{expiryTime}}). Hãy nhập mã trên trang mà bạn đã yêu cầu.",
      "Nếu bạn không yêu cầu mã này, bạn có thể bỏ qua email này: không ai có thể dùng mã nếu không truy cập được hộp thư của bạn. Tuyệt đối không chia sẻ mã với bất kỳ ai; {{productName}} sẽ không bao giờ hỏi bạn mã này.",
    ].join("\n\n"),
    footer:
      "Đây là tin nhắn tự động từ {{productName}}.\nCần trợ giúp? Hãy liên hệ {{supportContact}}.",
  },
  retry: {
    subject: "Mã xác minh {{productName}} mới của bạn",
    greeting: "Xin chào {{name}},",
    body: [
      "Một mã sai đã được nhập, vì vậy đây là mã mới. Mã trước đó không còn hiệu lực.",
      "{{code}}",
      "Mã sẽ hết hạn sau {{expiryDuration}} (lúc {{expiryTime}}).",
      "Nếu bạn không đang cố đăng nhập, bạn có thể bỏ qua email này. Tuyệt đối không chia sẻ mã này với bất kỳ ai; {{productName}} sẽ không bao giờ hỏi bạn mã này.",
    ].join("\n\n"),
    footer:
      "Đây là tin nhắn tự động từ {{productName}}.\nCần trợ giúp? Hãy liên hệ {{supportContact}}.",
  },
  lockout: {
    subject: "Đăng nhập vào {{productName}} đã bị tạm dừng",
    greeting: "Xin chào {{name}},",
    body: [
      "Đã có quá nhiều mã sai được nhập, vì vậy chúng tôi đã tạm dừng đăng nhập vào tài khoản {{productName}} của bạn. Điều này bảo vệ tài khoản khỏi người đang cố đoán mã.",
      "Bạn có thể thử lại sau {{lockedUntil}}.",
      "Nếu đó không phải là bạn, hoặc bạn cần trợ giúp ngay, hãy liên hệ {{supportContact}}.",
    ].join("\n\n"),
    footer: "Đây là tin nhắn tự động từ {{productName}}.",
  },
  unlock: {
    subject: "Bạn có thể đăng nhập lại vào {{productName}}",
    greeting: "Xin chào {{name}},",
    body: [
      "Việc tạm dừng đăng nhập vào {{productName}} đã kết thúc. Bạn có thể yêu cầu mã mới bất cứ khi nào sẵn sàng.",
      "Nếu bạn không cố đăng nhập, hãy liên hệ {{supportContact}}.",
    ].join("\n\n"),
    footer: "Đây là tin nhắn tự động từ {{productName}}.",
  },
};
