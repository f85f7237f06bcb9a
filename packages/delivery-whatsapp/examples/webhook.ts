import { createWhatsAppWebhookHandler } from "@otpkit/delivery-whatsapp";

export const whatsappWebhook = createWhatsAppWebhookHandler({
  appSecret: process.env["WA_APP_SECRET"] ?? "",
  verifyToken: process.env["WA_VERIFY_TOKEN"] ?? "",
  onEvent: async (event) => {
    if (event.type === "fraud_signal") console.warn("code not requested", event.replyTo);
    else console.info(event.deliveryId, event.status, event.error?.code);
  },
});
// Mount it for GET and POST, e.g. with Hono:
// app.on(["GET", "POST"], "/webhooks/whatsapp", (c) => whatsappWebhook(c.req.raw));
