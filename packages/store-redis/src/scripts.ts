/**
 * The Lua scripts behind the primitives that no single Redis command covers. Internal: not
 * re-exported. Redis runs a script atomically (no other command interleaves), which is the whole
 * point: each primitive stays one round trip and one indivisible step on the server.
 *
 * Both scripts touch exactly one key (`KEYS[1]`), so they are valid on Redis Cluster whatever the
 * key's hash tag is: a single-key script can never cross slots.
 */

/**
 * Compare-and-delete: returns the value and deletes the key only when it equals `ARGV[1]`.
 * Otherwise returns nil and leaves the key (and its TTL) untouched.
 *
 * Why a script: GET then DEL from the client would let two callers both read the value before
 * either deletes it, and both would "win". Inside the script nothing can run between the two.
 * Returning `false` maps to a nil reply in RESP2 and to null in RESP3 (checked in the tests).
 */
export const CONSUME_IF_EQUAL_LUA = `
local value = redis.call("GET", KEYS[1])
if value and value == ARGV[1] then
  redis.call("DEL", KEYS[1])
  return value
end
return false
`;

/**
 * Increment with a TTL fixed at creation: `INCR`, then `PEXPIRE` only when this call created the
 * counter (the result is 1). Later increments leave the TTL alone, so a failure window never slides.
 *
 * Why the `PTTL == -1` branch: a counter must never live forever. If the key somehow exists without
 * a TTL (written by an older version, a `PERSIST`, a restore from a dump without expiry), this call
 * gives it the TTL instead of incrementing an immortal counter. `PTTL` is only reached when the
 * result is not 1 (Lua's `or` short-circuits), so the common path costs one extra cheap call at most.
 *
 * Why not INCR + PEXPIRE from the client, or MULTI: two round trips, and a client that dies between
 * them leaves a counter without expiry. `INCR` on a foreign, non-integer value raises
 * `ERR value is not an integer`, which the store reports as `STORE_DATA_INVALID`.
 */
export const INCREMENT_FIXED_TTL_LUA = `
local count = redis.call("INCR", KEYS[1])
if count == 1 or redis.call("PTTL", KEYS[1]) == -1 then
  redis.call("PEXPIRE", KEYS[1], ARGV[1])
end
return count
`;
