// Every link in the repository's Markdown points inside the repository, at something that exists:
// a clone (or a published README) must not send its reader to a file that only one machine has.
// Checked outside fenced code blocks: link and image targets, reference definitions, href/src
// attributes, `#anchors` against the target's headings (GitHub's slugs), and any `../` path in the
// text, in inline code too (AGENTS.md once pointed at ../shared/DESIGN.md, outside the repository).
// Run by `pnpm lint` (lint:root).

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const files = execFileSync(
  "git",
  ["ls-files", "--cached", "--others", "--exclude-standard", "*.md"],
  { cwd: root, encoding: "utf8" },
)
  .split("\n")
  .filter((f) => f && !f.includes("node_modules") && existsSync(join(root, f)));

/** The text with fenced code blocks blanked (line numbers kept). */
function withoutFences(text) {
  let fenced = false;
  return text
    .split("\n")
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return "";
      }
      return fenced ? "" : line;
    })
    .join("\n");
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, -1 for repeats. */
function anchorsOf(path) {
  const seen = new Map();
  const anchors = new Set();
  for (const [, heading] of withoutFences(readFileSync(path, "utf8")).matchAll(
    /^#{1,6}\s+(.+)$/gm,
  )) {
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/<[^>]+>/g, "");
    const base = text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

const problems = [];
let checked = 0;

function check(file, line, target) {
  const where = `${file}:${line}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return; // https:, mailto:, …
  checked++;
  const [rawPath, anchor] = target.split("#");
  const path = decodeURIComponent(rawPath ?? "");
  if (isAbsolute(path)) {
    problems.push(`${where}: ${target} is an absolute path; link relative to the file`);
    return;
  }
  const resolved = path === "" ? join(root, file) : resolve(root, dirname(file), path);
  const inside = relative(root, resolved);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    problems.push(`${where}: ${target} points outside the repository`);
    return;
  }
  if (!existsSync(resolved)) {
    problems.push(`${where}: ${target} does not exist (${inside})`);
    return;
  }
  if (anchor && resolved.endsWith(".md") && statSync(resolved).isFile()) {
    if (!anchorsOf(resolved).has(anchor.toLowerCase())) {
      problems.push(`${where}: ${target}: no heading in ${inside} has the anchor #${anchor}`);
    }
  }
}

const LINK_PATTERNS = [
  /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, // [text](target "title")
  /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm, // [id]: target
  /\b(?:href|src)="([^"]+)"/g, // <a href="…">, <img src="…">
];

for (const file of files) {
  const text = withoutFences(readFileSync(join(root, file), "utf8"));
  const lineOf = (index) => text.slice(0, index).split("\n").length;
  const targets = new Map();
  for (const pattern of LINK_PATTERNS) {
    for (const match of text.matchAll(pattern)) targets.set(match.index, match[1]);
  }
  for (const match of text.matchAll(/(?<![\w./-])(?:\.\.\/)+[\w@./-]*[\w/]/g)) {
    if (![...targets.values()].some((t) => t.includes(match[0]))) {
      targets.set(match.index, match[0]);
    }
  }
  for (const [index, target] of targets) check(file, lineOf(index), target);
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `Markdown links: ${checked} checked in ${files.length} files, all inside the repository`,
);
