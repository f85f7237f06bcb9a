import { expect } from "vitest";

/**
 * Where `secret` appears in `value` (message, stack, every own property, the whole `cause`
 * chain), as a path, or null. Used to prove no error carries the code or the token.
 */
export function findSecret(
  value: unknown,
  secret: string,
  path = "error",
  seen = new Set<unknown>(),
): string | null {
  if (typeof value === "string") return value.includes(secret) ? path : null;
  if (typeof value === "number") return String(value).includes(secret) ? path : null;
  if (typeof value !== "object" || value === null || seen.has(value)) return null;
  seen.add(value);
  const keys = new Set<string>(Object.getOwnPropertyNames(value));
  for (const key of ["message", "stack", "cause", "details"]) keys.add(key);
  for (const key of keys) {
    const found = findSecret(
      (value as Record<string, unknown>)[key],
      secret,
      `${path}.${key}`,
      seen,
    );
    if (found) return found;
  }
  return null;
}

/** Fails when any of `secrets` appears anywhere in `value`. */
export function expectNoSecrets(value: unknown, ...secrets: string[]): void {
  for (const secret of secrets) {
    expect(findSecret(value, secret), `"${secret.slice(0, 4)}…" leaked`).toBeNull();
  }
}
