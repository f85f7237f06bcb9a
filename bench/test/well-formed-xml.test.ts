import { describe, expect, it } from "vitest";
import { rootOf } from "./support/well-formed-xml.js";

// The smoke test trusts this check with the charts; here it proves it rejects what it must.
describe("rootOf", () => {
  it("names the root of a well-formed document", () => {
    expect(
      rootOf(
        `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><g a='1'><text x="1">A &amp; B &#38;</text><rect/></g></svg>\n`,
      ),
    ).toBe("svg");
  });

  it.each([
    ["an unclosed element", "<svg><g></svg>"],
    ["a crossed close", "<svg><g><text></g></text></svg>"],
    ["an unquoted attribute", "<svg width=10></svg>"],
    ["a duplicate attribute", '<svg a="1" a="2"></svg>'],
    ["a bare ampersand in text", "<svg><text>A & B</text></svg>"],
    ["a bare ampersand in an attribute", '<svg><a href="?a=1&b=2"/></svg>'],
    ["a < in text", "<svg><text>1 < 2</text></svg>"],
    ["two roots", "<svg></svg><svg></svg>"],
    ["text outside the root", "hello<svg></svg>"],
    ["no element at all", "just text"],
  ])("rejects %s", (_, xml) => {
    expect(() => rootOf(xml)).toThrow();
  });
});
