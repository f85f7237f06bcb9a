export {
  type AttackStores,
  type DescribeOtpAttackOptions,
  describeOtpAttack,
  OTP_ATTACK_TESTS,
  type OtpAttackTestName,
} from "./attack-suite.js";
export {
  type ChannelHarness,
  type DescribeOtpChannelOptions,
  describeOtpChannel,
  OTP_CHANNEL_TESTS,
  type OtpChannelTestName,
} from "./channel-suite.js";
export { type DescribeOtpEngineOptions, describeOtpEngine } from "./engine-suite.js";
export {
  createFakeChannel,
  type FakeChannel,
  type FakeChannelOptions,
  type FakeFailureKind,
} from "./fake-channel.js";
export { type DescribeOtpModelOptions, describeOtpModel } from "./model-suite.js";
export { otpErrorOf } from "./otp-error-of.js";
export { type DescribeOtpQuotasOptions, describeOtpQuotas } from "./quota-suite.js";
export {
  type DescribeOtpStoreOptions,
  describeOtpStore,
  OTP_STORE_TESTS,
  type OtpStoreTestName,
} from "./store-suite.js";
export type { SkipEntry } from "./suite-utils.js";
export { createTestMessage, type TestMessageOverrides } from "./test-message.js";
