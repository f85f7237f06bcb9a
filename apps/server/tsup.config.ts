import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/main.ts", "src/cli.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  clean: true,
  sourcemap: true,
  // Dependencies (our packages included) stay external and load from node_modules.
});
