import { otpkitProject } from "../../vitest.shared.ts";

// Offline checks of the HubSpot project (parsing, generated files, bundles): node environment.
export default otpkitProject("hubspot-app");
