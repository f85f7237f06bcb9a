/**
 * The one Lua script behind `compareAndSet`. Internal: not re-exported. Redis runs a script
 * atomically (no other command interleaves), which is the whole point: the compare and the write
 * are one indivisible step on the server, in one round trip.
 *
 * The script touches exactly one key (`KEYS[1]`), so it is valid on Redis Cluster whatever the
 * key's hash tag is: a single-key script can never cross slots.
 */

/** ARGV[1] when the caller expects the key to be absent (or expired: Redis never returns those). */
export const EXPECT_ABSENT = "0";
/** ARGV[1] when the caller expects the key to hold exactly ARGV[2]. */
export const EXPECT_VALUE = "1";
/** ARGV[3] when the key is to be deleted. */
export const NEXT_DELETE = "0";
/** ARGV[3] when the key is to be set to ARGV[4] with a TTL of ARGV[5] milliseconds. */
export const NEXT_SET = "1";

/**
 * Compare-and-set of one key. `KEYS[1]` the key; `ARGV` = expect mode, expected value, next mode,
 * next value, TTL in ms. Returns 1 when it wrote (or deleted), 0 when the comparison failed and
 * nothing changed (the value and its TTL stay as they were).
 *
 * Why mode flags instead of "an empty expected means absent": a value of `""` and no value are
 * different states, and a sentinel that a caller could store would let it pass for "absent".
 * Lua's `GET` of a missing key is `false`, which never equals a string, so "expect a value" can
 * never match a missing key and "expect absent" never matches any stored string, empty included.
 *
 * Why `SET … PX` and not `SET` then `PEXPIRE`: one command, so no key ever exists without a TTL,
 * even for an instant. `DEL` runs only when the key exists: deleting a key that is already gone
 * changes nothing, so nothing is replicated either.
 *
 * A key of another type (a hash, a list) makes `GET` raise `WRONGTYPE`, which aborts the script
 * before any write; the store reports it as `STORE_DATA_INVALID`.
 */
export const COMPARE_AND_SET_LUA = `
local current = redis.call("GET", KEYS[1])
if ARGV[1] == "${EXPECT_VALUE}" then
  if current ~= ARGV[2] then return 0 end
elseif current then
  return 0
end
if ARGV[3] == "${NEXT_SET}" then
  redis.call("SET", KEYS[1], ARGV[4], "PX", ARGV[5])
elseif current then
  redis.call("DEL", KEYS[1])
end
return 1
`;
