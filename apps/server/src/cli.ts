import { join } from "node:path";
import type { Config } from "./config.js";
import { ConfigError, loadConfig } from "./config.js";
import { ensureDataDir } from "./data-dir.js";
import { createApiKeys } from "./db/api-keys.js";
import { openDatabase } from "./db/database.js";
import { createLogger } from "./logger.js";
import { createRuntime } from "./runtime.js";
import { unlockSubject } from "./verification-flow.js";

const USAGE = `usage: otpkit keys create <name>
       otpkit keys list
       otpkit keys revoke <id>
       otpkit unlock <key-id> <subject> [<purpose>]
       otpkit hubspot try [--fake-port 3901]
       otpkit hubspot play <generate|verify|wait> --contact <id> [--code <code>]
       otpkit hubspot contact <id>
       otpkit help   (or --help, -h)

Uses the same environment as the server (DATA_DIR / DATABASE_URL; for unlock also REDIS_URL,
OTPKIT_SECRETS, OTP_NAMING_KEY and the channels, since the person gets an unlock notice).`;

/** Asking for help: `otpkit help`, or `--help` / `-h` anywhere (never a key named "--help"). */
function wantsHelp(argv: readonly string[]): boolean {
  return argv[0] === "help" || argv.some((a) => a === "--help" || a === "-h");
}

async function main(argv: string[]): Promise<number> {
  const [group, command, arg] = argv;
  // Help that was asked for is an answer (stdout, 0); usage after a mistake is an error (stderr, 2).
  if (wantsHelp(argv)) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const usage = () => {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  };
  if (group === "hubspot") {
    // Loaded only here: the fake HubSpot is for trying the app locally.
    const demo = await import("./hubspot-demo.js");
    if (command === "try") return demo.tryHubSpot(argv.slice(2));
    if (command === "play") return demo.playHubSpot(argv.slice(2));
    if (command === "contact") return demo.showContact(argv.slice(2));
    return usage();
  }
  if (group === "unlock") return argv.length >= 3 && argv.length <= 4 ? unlock(argv) : usage();
  if (group !== "keys" || !command) return usage();
  const config = configOrNull();
  if (!config) return 1;
  if (!config.DATABASE_URL) {
    try {
      ensureDataDir(config.DATA_DIR);
    } catch (error) {
      process.stderr.write(`otpkit: ${(error as Error).message}\n`);
      return 1;
    }
  }
  const database = openDatabase({
    url: config.DATABASE_URL,
    sqlitePath: join(config.DATA_DIR, "app.sqlite"),
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
    return usage();
  } finally {
    await database.close();
  }
}

/** The validated environment, or null after printing the one-line problem. */
function configOrNull(): Config | null {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`otpkit: ${error.message}\n`);
      return null;
    }
    throw error;
  }
}

/**
 * `otpkit unlock <key-id> <subject> [<purpose>]`: an operator's unlock of one API key's subject,
 * the same as `POST /api/v1/subjects/unlock` with that key. It runs the whole runtime (store,
 * engine, audit log, channels): the unlock is recorded and the person gets the unlock notice.
 */
async function unlock(argv: string[]): Promise<number> {
  const [, keyId = "", subject = "", purpose = "login"] = argv;
  const config = configOrNull();
  if (!config) return 1;
  let rt: Awaited<ReturnType<typeof createRuntime>>;
  try {
    // Warnings (a generated development secret, say) go to stderr; stdout is the answer.
    rt = await createRuntime(config, { logger: createLogger("warn", process.stderr) });
  } catch (error) {
    process.stderr.write(`otpkit: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    if (!(await rt.apiKeys.list()).some((k) => k.id === keyId)) {
      process.stderr.write(`otpkit: no API key ${keyId}; see otpkit keys list\n`);
      return 1;
    }
    const what = `${subject} (${purpose}) of key ${keyId}`;
    const unlocked = await unlockSubject(rt, keyId, subject, purpose);
    process.stdout.write(
      unlocked
        ? `Unlocked ${what}; the person was sent an unlock notice.\n`
        : `${what} was not locked; its failure counters are cleared.\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`otpkit: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await rt.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
