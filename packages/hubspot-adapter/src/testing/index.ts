// @otpkit/hubspot-adapter/testing: a fake HubSpot on loopback and a signer that sends requests as
// HubSpot does, for tests and for trying the app without a HubSpot account.

export {
  type FakeApp,
  type FakeCompletedCallback,
  type FakeFault,
  type FakeHubSpot,
  type FakeHubSpotOptions,
  type FakeObjectType,
  type FakeOwner,
  type FakePortal,
  type FakePortalOptions,
  type FakeProperty,
  type FakePropertyGroup,
  type FakePropertyOption,
  type FakeRecordInput,
  type FakeRequestLogEntry,
  type RateLimit,
  startFakeHubSpot,
} from "./fake-hubspot.js";
export { createMemoryHubSpotStorage } from "./memory-storage.js";
export {
  type SignedFetchRequestInput,
  type SignedWorkflowRequestInput,
  type SignHubSpotRequestInput,
  signedFetchRequest,
  signedWorkflowRequest,
  signHubSpotRequest,
} from "./sign.js";
