export {
  type CheckRedisStoreOptions,
  checkRedisStore,
  type RedisStoreCheck,
} from "./redis-check.js";
export { createRedisStore, type RedisStoreOptions } from "./redis-store.js";
