import { existsSync, readFileSync } from "node:fs";
import Database from "better-sqlite3";

// Counting commits from outside the store: every write transaction ends in ONE WAL frame marked
// as a commit (its header holds the database size in pages; other frames hold 0), and at
// `synchronous = FULL` each commit is one fsync of the WAL. Read-only transactions write no frame.

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/**
 * A caller-owned connection to `file` set up like the store's own (WAL, `synchronous = FULL`),
 * with automatic checkpoints off, so the WAL keeps every frame written through it while it is
 * open (a checkpoint followed by a write would restart the log and lose the count).
 */
export function openCounted(file: string): Database.Database {
  const db = new Database(file, { timeout: 5_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("wal_autocheckpoint = 0");
  return db;
}

/**
 * The commit frames in `<file>-wal` of the log's current generation (its header's salts): the
 * number of write transactions committed since the log started.
 */
export function walCommits(file: string): number {
  const wal = `${file}-wal`;
  if (!existsSync(wal)) return 0;
  const bytes = readFileSync(wal);
  if (bytes.length < WAL_HEADER) return 0;
  const pageSize = bytes.readUInt32BE(8);
  const salt1 = bytes.readUInt32BE(16);
  const salt2 = bytes.readUInt32BE(20);
  let commits = 0;
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= bytes.length; ) {
    if (bytes.readUInt32BE(at + 8) !== salt1 || bytes.readUInt32BE(at + 12) !== salt2) break;
    if (bytes.readUInt32BE(at + 4) !== 0) commits++;
    at += FRAME_HEADER + pageSize;
  }
  return commits;
}
