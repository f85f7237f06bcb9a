import { createOtp } from "@otpkit/otp-core";
import { checkRedisStore, createRedisStore } from "@otpkit/store-redis";
import { Redis } from "ioredis";

const client = new Redis(process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379", {
  commandTimeout: 1_000, // a stalled Redis fails fast with STORE_UNAVAILABLE…
  maxRetriesPerRequest: 1, // …and so does one that is down
});
await checkRedisStore(client); // CONFIG_INVALID unless maxmemory-policy is noeviction
const store = createRedisStore({ client, keyPrefix: "otp:" });
const env = { key: process.env["OTP_SECRET"]!, namingKey: process.env["OTP_NAMING_KEY"]! };
const otp = createOtp({ store, secrets: [{ id: "k1", key: env.key }], namingKey: env.namingKey });

const issued = await otp.issue({ subject: "user-42", deliver: false });
if (issued.status !== "issued") throw new Error(`not issued: ${issued.status}`); // throttled, locked
console.log(await otp.verify({ subject: "user-42", code: issued.code! })); // { status: "verified", … }
client.disconnect(); // the client is yours: the store never closes it
