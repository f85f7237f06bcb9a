import { createConversationAuth, createMemoryDirectory } from "@otpkit/conversation-auth";
import { createMemoryStore, createOtp } from "@otpkit/otp-core";
import { createFakeChannel } from "@otpkit/otp-testing"; // stands in for your WhatsApp channel

const { OTP_SECRET: key = "", OTP_NAMING_KEY: namingKey = "" } = process.env; // "": CONFIG_INVALID
const store = createMemoryStore(); // Redis, PostgreSQL, SQLite: sessions then hold across processes
const whatsapp = createFakeChannel({ name: "whatsapp", address: "phone" });
const secrets = [{ id: "k1", key }];
const otp = createOtp({ store, secrets, namingKey, channels: [whatsapp], ttlMs: 300_000 });
const people = [{ id: "e-4721", employee: "4721", phone: "(415) 555-2678" }];
const directory = createMemoryDirectory(people, { field: "employee" });
const auth = createConversationAuth({ otp, store, directory, defaultCountry: "US" });
console.log((await auth.start({ conversationId: "c1", identifier: "4721" })).reply); // "… ***78 …"
const text = `The code is ${whatsapp.lastCode()}.`; // the user reads it on their phone
console.log(await auth.submit({ conversationId: "c1", text })); // { state: "authenticated", … }
