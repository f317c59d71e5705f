// Protects the assignor registry and the client's protocol choice: the default
// [range, cooperative-sticky] runs EAGER, and only all-cooperative lists run COOPERATIVE.

import { describe, expect, it } from "vitest";
import {
  ASSIGNOR_NAMES,
  DEFAULT_ASSIGNOR_NAMES,
  getAssignor,
  isAssignorName,
  selectRebalanceProtocol,
} from "./registry";

describe("assignor registry", () => {
  it("each name maps to the assignor reporting that name", () => {
    for (const name of ASSIGNOR_NAMES) expect(getAssignor(name).name).toBe(name);
  });

  it("knows exactly the four client assignors", () => {
    expect(ASSIGNOR_NAMES.filter(isAssignorName)).toHaveLength(4);
    expect(isAssignorName("uniform")).toBe(false);
    expect(isAssignorName("RangeAssignor")).toBe(false);
  });

  it("range, roundrobin and sticky are EAGER only; cooperative-sticky also supports COOPERATIVE", () => {
    expect(getAssignor("range").supportedProtocols).toEqual(["EAGER"]);
    expect(getAssignor("roundrobin").supportedProtocols).toEqual(["EAGER"]);
    expect(getAssignor("sticky").supportedProtocols).toEqual(["EAGER"]);
    expect(getAssignor("cooperative-sticky").supportedProtocols).toContain("COOPERATIVE");
  });
});

describe("selectRebalanceProtocol", () => {
  it("the default [range, cooperative-sticky] runs EAGER", () => {
    expect(DEFAULT_ASSIGNOR_NAMES).toEqual(["range", "cooperative-sticky"]);
    expect(selectRebalanceProtocol(DEFAULT_ASSIGNOR_NAMES)).toBe("EAGER");
  });

  it("removing range makes the consumer COOPERATIVE", () => {
    expect(selectRebalanceProtocol(["cooperative-sticky"])).toBe("COOPERATIVE");
  });

  it("any EAGER-only assignor pulls the whole list down to EAGER", () => {
    expect(selectRebalanceProtocol(["cooperative-sticky", "sticky"])).toBe("EAGER");
    expect(selectRebalanceProtocol(["roundrobin"])).toBe("EAGER");
  });

  it("an empty list is refused, as Kafka refuses to build the consumer", () => {
    expect(() => selectRebalanceProtocol([])).toThrow(/no assignor/);
  });
});
