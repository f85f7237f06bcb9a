import { createHubSpotApp } from "@otpkit/hubspot-adapter";
import { createMemoryHubSpotStorage } from "@otpkit/hubspot-adapter/testing";
import { createMemoryStore } from "@otpkit/otp-core";

const env = process.env;
export const app = createHubSpotApp({
  clientId: env["HUBSPOT_CLIENT_ID"] ?? "",
  clientSecret: env["HUBSPOT_CLIENT_SECRET"] ?? "",
  redirectUri: "https://otp.example.com/hubspot/oauth/callback",
  storage: createMemoryHubSpotStorage(), // the server keeps this in its SQL database
  store: createMemoryStore(), // or Redis, SQLite, PostgreSQL
  secrets: [{ id: "k1", key: env["OTP_SECRET"] ?? "" }],
  namingKey: env["OTP_NAMING_KEY"] ?? "",
  channelsFor: () => [], // the portal's e-mail and WhatsApp channels, from its settings
});
