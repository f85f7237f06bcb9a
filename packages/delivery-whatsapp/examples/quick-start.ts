import { createWhatsAppChannel } from "@otpkit/delivery-whatsapp";
import { createMemoryStore, createOtp } from "@otpkit/otp-core";

const whatsapp = createWhatsAppChannel({
  phoneNumberId: process.env["WA_PHONE_NUMBER_ID"] ?? "",
  accessToken: process.env["WA_ACCESS_TOKEN"] ?? "",
});
const otp = createOtp({
  store: createMemoryStore(),
  secrets: [{ id: "k1", key: process.env["OTP_SECRET"] ?? "" }],
  namingKey: process.env["OTP_NAMING_KEY"] ?? "",
  channels: [whatsapp],
  retryOnFailure: true, // a wrong code brings a fresh one (tmpl_otp_retry)
});
await otp.issue({ subject: "user-42", recipient: { phone: "+34600123478", locale: "es-MX" } });
