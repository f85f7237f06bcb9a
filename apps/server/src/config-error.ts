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
