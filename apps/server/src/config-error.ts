// The one error a bad environment raises: it names the variable, and the message says the fix.

/** A start-up configuration problem: one message, naming the variable and the fix. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Throws the ConfigError for a variable that must be set: `Missing X: required <when>; <fix>.`
 *
 * @throws {ConfigError} Always.
 * @example
 * if (env.SMTP_URL && !env.SMTP_FROM) need("SMTP_FROM", "when SMTP_URL is set", "set the sender");
 */
export function need(variable: string, when: string, fix: string): never {
  throw new ConfigError(variable, `Missing ${variable}: required ${when}; ${fix}.`);
}
