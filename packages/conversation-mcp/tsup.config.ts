import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/testing.ts", "src/cli.ts"],
  format: ["esm"],
  // The bin (cli.ts) has no public types.
  dts: { entry: ["src/index.ts", "src/testing.ts"] },
  clean: true,
  sourcemap: true,
  target: "es2022",
});
