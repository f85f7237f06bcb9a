// Test support for the fake HubSpot's own tests (not re-exported): the ApiException a call to
// @hubspot/api-client rejected with. Every api-client module has its own ApiException class,
// so this reads the fields they share instead of using instanceof.

/** What every api-client module's ApiException carries. */
export interface ApiErrorFields {
  /** The HTTP status. */
  code: number;
  /** The parsed JSON body, or the raw text of a text/* body. */
  body: unknown;
  /** The response headers, names lower-cased. */
  headers: Record<string, string>;
}

/**
 * Awaits a call that must fail with an ApiException and returns it.
 * @throws {Error} when the call succeeds or fails with something that is not an ApiException
 * @example
 * const error = await apiError(hs.crm.contacts.basicApi.getById("0"));
 * error.code; // 404
 */
export async function apiError(promise: Promise<unknown>): Promise<ApiErrorFields> {
  const outcome = await promise.then(
    () => ({ failed: false as const }),
    (error: unknown) => ({ failed: true as const, error }),
  );
  if (!outcome.failed) throw new Error("expected the api-client call to fail");
  const { error } = outcome;
  if (
    typeof error !== "object" ||
    error === null ||
    typeof Reflect.get(error, "code") !== "number"
  ) {
    throw new Error(`expected an ApiException, got ${String(error)}`);
  }
  return error as ApiErrorFields;
}

/** The body of an ApiException as a record (HubSpot's JSON error envelope). */
export function errorBody(error: ApiErrorFields): Record<string, unknown> {
  return error.body as Record<string, unknown>;
}
