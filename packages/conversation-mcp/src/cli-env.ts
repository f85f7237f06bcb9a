/** The settings of the `otpkit-mcp` bin, from its environment. */
export interface CliEnv {
  /** OTPKIT_URL without a trailing slash. */
  url: string;
  /** OTPKIT_API_KEY. */
  apiKey: string;
  /** A warning for stderr (the key would cross the network unencrypted), or null. */
  warning: string | null;
}

/** A missing or bad variable; `variable` names it, `message` says the fix. */
export class CliEnvError extends Error {
  override readonly name = "CliEnvError";
  constructor(
    readonly variable: "OTPKIT_URL" | "OTPKIT_API_KEY",
    message: string,
  ) {
    super(message);
  }
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Reads `OTPKIT_URL` and `OTPKIT_API_KEY` for the `otpkit-mcp` bin.
 *
 * @param env The environment (`process.env`).
 * @returns The URL, the key, and a warning for a plain-http URL to another machine.
 * @throws {CliEnvError} Naming the variable that is missing or malformed, with the fix.
 * @example
 * ```ts
 * readCliEnv({ OTPKIT_URL: "https://otp.example.com", OTPKIT_API_KEY: "otpk_…" });
 * // { url: "https://otp.example.com", apiKey: "otpk_…", warning: null }
 * ```
 */
export function readCliEnv(env: Record<string, string | undefined>): CliEnv {
  const rawUrl = env["OTPKIT_URL"]?.trim();
  if (!rawUrl) {
    throw new CliEnvError(
      "OTPKIT_URL",
      "OTPKIT_URL is not set: set it to your otpkit server's URL, e.g. OTPKIT_URL=https://otp.example.com",
    );
  }
  const url = URL.canParse(rawUrl) ? new URL(rawUrl) : null;
  if (url === null || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new CliEnvError(
      "OTPKIT_URL",
      `Invalid OTPKIT_URL: ${JSON.stringify(rawUrl)} is not an http(s) URL; use the server's URL such as https://otp.example.com`,
    );
  }
  const apiKey = env["OTPKIT_API_KEY"]?.trim();
  if (!apiKey) {
    throw new CliEnvError(
      "OTPKIT_API_KEY",
      "OTPKIT_API_KEY is not set: set it to an API key of the server (otpk_…, created in apps/server with `pnpm otpkit keys create <name>`)",
    );
  }
  if (/\s/.test(apiKey)) {
    throw new CliEnvError(
      "OTPKIT_API_KEY",
      'Invalid OTPKIT_API_KEY: it contains a space; use the key alone (otpk_…), without "Bearer"',
    );
  }
  const warning =
    url.protocol === "http:" && !LOOPBACK.has(url.hostname)
      ? `OTPKIT_URL uses http:// to ${url.hostname}: the API key and the user's codes cross the network unencrypted; use https://`
      : null;
  return { url: `${url.origin}${url.pathname}`.replace(/\/+$/, ""), apiKey, warning };
}
