import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/bench.ts", "src/redis-server.ts", "src/fake-graph-api.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
});
