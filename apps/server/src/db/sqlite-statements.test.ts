import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cachingStatements } from "./sqlite-statements.js";

describe("cachingStatements", () => {
  it("prepares each SQL text once and runs it again and again", () => {
    const file = new Database(":memory:");
    file.exec("create table t (k text primary key, v text)");
    let prepared = 0;
    const prepare = file.prepare.bind(file);
    file.prepare = ((sql: string) => {
      prepared++;
      return prepare(sql);
    }) as typeof file.prepare;
    const db = cachingStatements(file);
    for (let i = 0; i < 5; i++) db.prepare("insert into t values (?, ?)").run([`k${i}`, "v"]);
    expect(db.prepare("select count(*) as n from t").all([])).toEqual([{ n: 5 }]);
    expect(prepared).toBe(2);
  });

  it("keeps at most `max` statements, dropping the oldest", () => {
    const file = new Database(":memory:");
    let prepared = 0;
    const prepare = file.prepare.bind(file);
    file.prepare = ((sql: string) => {
      prepared++;
      return prepare(sql);
    }) as typeof file.prepare;
    const db = cachingStatements(file, 2);
    db.prepare("select 1");
    db.prepare("select 2");
    db.prepare("select 3"); // drops "select 1"
    db.prepare("select 2");
    expect(prepared).toBe(3);
    db.prepare("select 1");
    expect(prepared).toBe(4);
    db.close();
    expect(file.open).toBe(false);
  });
});
