import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createConversationAuth, createMemoryDirectory } from "@otpkit/conversation-auth";
import { createConversationMcpServer } from "@otpkit/conversation-mcp";
import { createMemoryStore, createOtp } from "@otpkit/otp-core";
import { createFakeChannel } from "@otpkit/otp-testing"; // stands in for your WhatsApp channel

const { OTP_SECRET: key = "", OTP_NAMING_KEY: namingKey = "" } = process.env; // "": CONFIG_INVALID
const store = createMemoryStore(); // Redis, PostgreSQL, SQLite: sessions then hold across processes
const channels = [createFakeChannel({ name: "whatsapp", address: "phone" })];
const otp = createOtp({ store, secrets: [{ id: "k1", key }], namingKey, channels, ttlMs: 300_000 });
const people = [{ id: "e-4721", employee: "4721", phone: "(415) 555-2678" }];
const directory = createMemoryDirectory(people, { field: "employee" });
const auth = createConversationAuth({ otp, store, directory, defaultCountry: "US" });
// The MCP server on stdin/stdout, as a desktop agent starts it (see "Connect an agent").
await createConversationMcpServer({ auth }).connect(new StdioServerTransport());
