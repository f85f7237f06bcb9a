import { createMemoryStore, createOtp } from "@otpkit/otp-core";

const otp = createOtp({
  store: createMemoryStore(),
  secrets: [{ id: "2026-11", key: "use-32-or-more-random-bytes-from-your-vault" }],
  namingKey: "another-32-or-more-random-bytes-never-rotated",
});

const issued = await otp.issue({ subject: "user-42", deliver: false });
if (issued.status !== "issued") throw new Error(`not issued: ${issued.status}`);
// Deliver issued.code yourself, or give createOtp `channels` and issue() a `recipient`.

const result = await otp.verify({ subject: "user-42", code: issued.code ?? "" });
console.log(result.status); // "verified"
