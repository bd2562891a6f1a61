import { describe, expect, it } from "vitest";
import { conditionContextStore, setConfigKeys, setEventFields } from "./conditionContext.ts";

describe("conditionContextStore", () => {
  it("keeps distinct, non-blank names in order", () => {
    setEventFields(["eventType", "price", "eventType", " ", "data.productId"]);
    setConfigKeys(["minPrice", "minPrice"]);
    expect(conditionContextStore.getState()).toEqual({
      eventFields: ["eventType", "price", "data.productId"],
      configKeys: ["minPrice"],
    });
  });
});
