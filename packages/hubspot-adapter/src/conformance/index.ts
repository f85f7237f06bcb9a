// @otpkit/hubspot-adapter/conformance: the suite every HubSpotAppStorage implementation runs (the
// memory one here, the server's Kysely one over SQLite and PostgreSQL). It registers vitest cases,
// so it lives apart from /testing, which the server also loads at run time (the fake HubSpot).
export {
  type DescribeHubSpotStorageOptions,
  describeHubSpotStorage,
  HUBSPOT_STORAGE_TESTS,
  type HubSpotStorageTestName,
} from "./storage-suite.js";
