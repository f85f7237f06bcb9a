import { otpkitProject } from "../../vitest.shared.ts";

export default otpkitProject("conversation-mcp");
