import { describe, it, expect } from "vitest";

import { cn } from "@/lib/cn";

describe("cn", () => {
  it("joins truthy class values and drops falsy ones", () => {
    expect(cn("a", false, null, undefined, "b", { c: true, d: false }, ["e"])).toBe("a b c e");
  });

  it("lets later Tailwind utilities override conflicting earlier ones", () => {
    expect(cn("px-2 py-1", "px-4")).toBe("py-1 px-4");
    expect(cn("h-9 text-sm", "h-8")).toBe("text-sm h-8");
  });

  it("treats the project's custom colour tokens as colours", () => {
    expect(cn("bg-primary text-primary-foreground", "bg-gold text-gold-foreground")).toBe("bg-gold text-gold-foreground");
  });
});
