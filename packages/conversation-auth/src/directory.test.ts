import { describe, expect, it } from "vitest";
import { createMemoryDirectory } from "./directory.js";

describe("createMemoryDirectory", () => {
  const people = [
    { id: 1, employeeNumber: 4721, phone: "+14155552678", name: "Ana", locale: "es" },
    { id: "2", employeeNumber: "5100", email: "Luis@Example.com" },
    { id: "3", employeeNumber: "6200" },
    { id: "4", employeeNumber: "6200" },
    { id: "5" },
  ];

  it("matches the configured field (numbers by their text), answering a copy", async () => {
    const directory = createMemoryDirectory(people, { field: "employeeNumber" });
    const found = await directory.find(" 4721 ");
    expect(found).toEqual({ id: "1", phone: "+14155552678", name: "Ana", locale: "es" });
    if (found) found.name = "changed";
    expect((await directory.find("4721"))?.name).toBe("Ana");
    expect(await directory.find("9999")).toBeNull();
  });

  it("answers null when two records share the identifier", async () => {
    const directory = createMemoryDirectory(people, { field: "employeeNumber" });
    expect(await directory.find("6200")).toBeNull();
  });

  it("matches e-mail identifiers case-insensitively, from JSON, with other field names", async () => {
    const json = JSON.stringify([{ key: "k9", mail: "Luis@Example.com", tel: "555" }]);
    const directory = createMemoryDirectory(json, {
      field: "mail",
      idField: "key",
      emailField: "mail",
      phoneField: "tel",
    });
    expect(await directory.find("luis@example.COM")).toEqual({
      id: "k9",
      email: "Luis@Example.com",
      phone: "555",
    });
  });

  it("checks its input", async () => {
    expect(() => createMemoryDirectory("{", { field: "x" })).toThrow(/"records"/);
    expect(() => createMemoryDirectory("{}", { field: "x" })).toThrow(/"records"/);
    expect(() => createMemoryDirectory([{ name: "no id" }], { field: "name" })).toThrow(
      /"records\[0\]\.id"/,
    );
    expect(() => createMemoryDirectory([], { field: "" })).toThrow(/"field"/);
    const directory = createMemoryDirectory(people, { field: "employeeNumber" });
    await expect(directory.find("")).rejects.toThrow(/"identifier"/);
    await expect(directory.find("x".repeat(300))).rejects.toThrow(/"identifier"/);
  });
});
