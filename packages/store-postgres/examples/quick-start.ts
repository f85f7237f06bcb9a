import { createOtp } from "@otpkit/otp-core";
import { createPostgresStore, migrate } from "@otpkit/store-postgres";
import pg from "pg";

const { DATABASE_URL, OTP_SECRET = "", OTP_NAMING_KEY = "" } = process.env; // "": CONFIG_INVALID
const pool = new pg.Pool({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5_000 });
pool.on("error", (error) => console.error("idle PostgreSQL connection lost:", error.message));
await migrate(pool); // idempotent; or apply POSTGRES_STORE_MIGRATION with your migration tool
const secrets = [{ id: "k1", key: OTP_SECRET }];
const otp = createOtp({ store: createPostgresStore({ pool }), secrets, namingKey: OTP_NAMING_KEY });

const issued = await otp.issue({ subject: "user-42", deliver: false });
if (issued.status !== "issued") throw new Error(`not issued: ${issued.status}`); // throttled, locked
console.log(await otp.verify({ subject: "user-42", code: issued.code! })); // { status: "verified", … }
await pool.end(); // the pool is yours; the store's sweep timer is unref'd and never holds the process
