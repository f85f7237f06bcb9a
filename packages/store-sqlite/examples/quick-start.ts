import { mkdirSync } from "node:fs";
import { createOtp } from "@otpkit/otp-core";
import { createSqliteStore } from "@otpkit/store-sqlite";

mkdirSync("data", { recursive: true }); // the directory must exist; the file is created
const store = createSqliteStore({ path: "data/otp.db" });
const env = { key: process.env["OTP_SECRET"]!, namingKey: process.env["OTP_NAMING_KEY"]! };
const otp = createOtp({ store, secrets: [{ id: "k1", key: env.key }], namingKey: env.namingKey });

const issued = await otp.issue({ subject: "user-42", deliver: false });
if (issued.status !== "issued") throw new Error(`not issued: ${issued.status}`); // throttled, locked
console.log(await otp.verify({ subject: "user-42", code: issued.code! })); // { status: "verified", … }
await store.close(); // stops the sweep timer and closes the file the store opened
