import { describe, expect, test } from "vitest";
import { classifyGraphError, GRAPH_ERROR_TABLE, readGraphError } from "./graph-errors.js";

describe("GRAPH_ERROR_TABLE", () => {
  test("the classes are locked (a change here is a behaviour change: say why in the changeset)", () => {
    const byClass: Record<string, number[]> = {};
    for (const [code, cls] of Object.entries(GRAPH_ERROR_TABLE)) {
      const key = `${cls.code}/${cls.retryable ? "retryable" : "permanent"}`;
      byClass[key] = [...(byClass[key] ?? []), Number(code)];
    }
    for (const list of Object.values(byClass)) list.sort((a, b) => a - b);
    expect(byClass).toEqual({
      "PROVIDER_THROTTLED/retryable": [4, 613, 80007, 130429, 131056],
      "DELIVERY_FAILED/retryable": [1, 2, 131000, 131016, 131057],
      "RECIPIENT_INVALID/permanent": [131021, 131026, 131030],
      "DELIVERY_FAILED/permanent": [131049, 131050, 137000],
      "PROVIDER_REJECTED/permanent": [
        0, 3, 10, 100, 190, 368, 130497, 131008, 131009, 131031, 131042, 131047, 131048, 131051,
        132000, 132001, 132005, 132007, 132012, 132015, 132016, 133010,
      ],
    });
  });

  test("no Meta throttle is ever permanent except the quality-based spam limit", () => {
    expect(GRAPH_ERROR_TABLE[131048]).toMatchObject({
      code: "PROVIDER_REJECTED",
      retryable: false,
    });
  });
});

describe("classifyGraphError", () => {
  test("permission range 200..299", () => {
    expect(classifyGraphError({ graphCode: 250, httpStatus: 403 })).toMatchObject({
      code: "PROVIDER_REJECTED",
      retryable: false,
    });
  });
  test("unknown codes", () => {
    expect(classifyGraphError({ graphCode: 5, httpStatus: 400 }).retryable).toBe(false);
    expect(classifyGraphError({ graphCode: 5, httpStatus: 400, isTransient: true }).retryable).toBe(
      true,
    );
    expect(classifyGraphError({ httpStatus: 503 }).retryable).toBe(true);
    expect(classifyGraphError({ httpStatus: 429 }).code).toBe("PROVIDER_THROTTLED");
  });
});

describe("readGraphError", () => {
  test("keeps codes and ids, drops free text", () => {
    const facts = readGraphError(
      {
        error: {
          message: "(#132000) param 482913",
          type: "OAuthException",
          code: 132000,
          error_subcode: 2494010,
          error_data: { details: "482913" },
          fbtrace_id: "Az8or2yhqkZfEZ-_4Qn_Bam",
          is_transient: false,
        },
      },
      400,
    );
    expect(facts).toEqual({
      httpStatus: 400,
      graphCode: 132000,
      graphSubcode: 2494010,
      graphType: "OAuthException",
      fbtraceId: "Az8or2yhqkZfEZ-_4Qn_Bam",
      isTransient: false,
    });
  });
  test("ids that are not ids are dropped", () => {
    const facts = readGraphError(
      { error: { code: 1, type: "a b", fbtrace_id: "x y 482913" } },
      500,
    );
    expect(facts).toEqual({ httpStatus: 500, graphCode: 1, graphSubcode: undefined });
  });
  test("any shape", () => {
    for (const body of [undefined, null, "x", [], { error: "x" }]) {
      expect(readGraphError(body, 502)).toEqual({ httpStatus: 502 });
    }
  });
});
