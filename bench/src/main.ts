import { parseBenchArgs, USAGE, UsageError } from "./options.js";
import { renderReport, writeResults } from "./report.js";
import { runBench } from "./run-bench.js";

// `pnpm bench:http [options]`: the table on stdout, progress on stderr, files in bench/results.

const started = Date.now();
const log = (line: string) =>
  process.stderr.write(
    `bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s: ${line}\n`,
  );

// `pnpm bench:http -- --duration 3` hands the separator on; it is not an argument.
const argv = process.argv.slice(2);
let options: ReturnType<typeof parseBenchArgs>;
try {
  options = parseBenchArgs(argv[0] === "--" ? argv.slice(1) : argv, process.env);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`bench: ${error.message}\n\n${USAGE}\n`);
  process.exit(2);
}
if (options === null) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const results = await runBench(options, log);
process.stdout.write(renderReport(results));
for (const file of writeResults(options.outDir, results)) log(`wrote ${file}`);
