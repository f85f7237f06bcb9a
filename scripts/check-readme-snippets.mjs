// README code must compile. A fenced block preceded by `<!-- snippet: path/to/file.ts -->` must
// equal that file, and that file is type-checked (and, for quick starts, run) by the package's
// own scripts. This keeps README examples true (see @oslojs/otp's README, whose example calls a
// function with its arguments in the wrong order).

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const readmes = execFileSync(
  "git",
  ["ls-files", "--cached", "--others", "--exclude-standard", "*README.md"],
  {
    encoding: "utf8",
  },
)
  .split("\n")
  .filter((f) => f && !f.includes("node_modules"));

let checked = 0;
const problems = [];
for (const readme of readmes) {
  const text = readFileSync(readme, "utf8");
  const pattern = /<!-- snippet: (\S+) -->\s*\n```[a-z]*\n([\s\S]*?)```/g;
  for (const [, file, body] of text.matchAll(pattern)) {
    const path = join(dirname(readme), file);
    let source;
    try {
      source = readFileSync(path, "utf8");
    } catch {
      problems.push(`${readme}: snippet file ${relative(".", path)} does not exist`);
      continue;
    }
    if (source.trim() !== body.trim()) {
      problems.push(
        `${readme}: the block under <!-- snippet: ${file} --> differs from ${relative(".", path)}; copy the file into the README`,
      );
    }
    checked++;
  }
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`README snippets: ${checked} checked against their compiled sources`);
