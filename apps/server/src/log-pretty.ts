import { Writable } from "node:stream";

const LEVELS: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO ",
  40: "WARN ",
  50: "ERROR",
  60: "FATAL",
};
const COLOURS: Record<number, string> = { 40: "\x1b[33m", 50: "\x1b[31m", 60: "\x1b[31m" };
const DIM = "\x1b[2m";
const RESET = "\x1b[0m";
// Fields every line has, or that the line shows in front: not repeated as key=value.
const SHOWN = new Set(["level", "time", "msg", "service", "pid", "hostname"]);

/** A value as it reads in `key=value`: plain when it can be, else JSON. */
function show(value: unknown): string {
  if (typeof value === "string") return /^[\w./:@+-]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * One pino JSON line as a terminal line: `09:31:02 INFO  request method=POST status=201`. The
 * content is the JSON line's, after redaction (pino redacts before writing), so nothing hidden
 * there shows here. A line that is not JSON is passed on as it is.
 *
 * @throws {never}
 * @example
 * prettyLine('{"level":30,"time":"2026-12-01T09:31:02.000Z","msg":"listening","port":3000}', false);
 * // "09:31:02 INFO  listening port=3000"
 */
export function prettyLine(line: string, colour: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = typeof entry["level"] === "number" ? entry["level"] : 30;
  const time = typeof entry["time"] === "string" ? entry["time"].slice(11, 19) : "";
  const fields = Object.entries(entry)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => `${key}=${show(value)}`)
    .join(" ");
  const name = LEVELS[level] ?? String(level);
  const tag = colour && COLOURS[level] ? `${COLOURS[level]}${name}${RESET}` : name;
  const rest = fields && colour ? `${DIM}${fields}${RESET}` : fields;
  return [time, tag, String(entry["msg"] ?? ""), rest].filter((part) => part !== "").join(" ");
}

/**
 * A stream for pino that writes {@link prettyLine}s to `out` (a terminal).
 *
 * @throws {never}
 * @example
 * createLogger("info", prettyStream(process.stdout, true));
 */
export function prettyStream(out: NodeJS.WritableStream, colour: boolean): Writable {
  let pending = "";
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const lines = (pending + String(chunk)).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line !== "") out.write(`${prettyLine(line, colour)}\n`);
      callback();
    },
  });
}
