import { join, resolve } from "node:path";
import { ConfigError, loadConfig } from "./config.js";
import { createApiKeys } from "./db/api-keys.js";
import { openDatabase } from "./db/database.js";

const USAGE = `usage: otpkit keys create <name>
       otpkit keys list
       otpkit keys revoke <id>

Uses the same DATABASE_URL / DATA_DIR as the server.`;

async function main(argv: string[]): Promise<number> {
  const [group, command, arg] = argv;
  if (group !== "keys" || !command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`otpkit: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const database = openDatabase({
    url: config.DATABASE_URL,
    sqlitePath: join(resolve(config.DATA_DIR), "app.sqlite"),
  });
  try {
    try {
      await database.migrate();
    } catch (error) {
      const where =
        database.dialect === "postgres"
          ? "the PostgreSQL database at DATABASE_URL"
          : database.location;
      process.stderr.write(`otpkit: cannot open ${where} (${(error as Error).message}).\n`);
      return 1;
    }
    const keys = createApiKeys(database);
    if (command === "create") {
      const name = (arg ?? "").trim();
      if (!name) {
        process.stderr.write("otpkit: give the key a name: otpkit keys create <name>\n");
        return 2;
      }
      const key = await keys.create(name);
      process.stdout.write(
        `Created API key ${key.id} (${key.name}). Store this token now; it is not shown again:\n\n  ${key.token}\n\n` +
          "Use it as: Authorization: Bearer <token>\n",
      );
      return 0;
    }
    if (command === "list") {
      for (const k of await keys.list()) {
        const state =
          k.revokedAt === null ? "active" : `revoked ${new Date(k.revokedAt).toISOString()}`;
        process.stdout.write(
          `${k.id}  ${new Date(k.createdAt).toISOString()}  ${state}  ${k.name}\n`,
        );
      }
      return 0;
    }
    if (command === "revoke" && arg) {
      const done = await keys.revoke(arg);
      process.stdout.write(done ? `Revoked ${arg}\n` : `No active key ${arg}\n`);
      return done ? 0 : 1;
    }
    process.stderr.write(`${USAGE}\n`);
    return 2;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
