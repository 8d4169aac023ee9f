import { describe, it, expect } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

import { Badge, badgeVariants, type BadgeVariant } from "@/components/ui/badge";

const expectedBackground: Record<BadgeVariant, string> = {
  default: "bg-primary",
  secondary: "bg-secondary",
  destructive: "bg-destructive",
  outline: "text-foreground",
  success: "bg-success",
  warning: "bg-warning",
  gold: "bg-gold",
  silver: "bg-silver",
  none: "border-dashed",
};

describe("badgeVariants", () => {
  it.each(Object.entries(expectedBackground))("%s variant has its colour class", (variant, cls) => {
    expect(badgeVariants({ variant: variant as BadgeVariant }).split(" ")).toContain(cls);
  });

  it("falls back to the default variant", () => {
    expect(badgeVariants()).toBe(badgeVariants({ variant: "default" }));
  });

  it("tier badges use their foreground tokens", () => {
    expect(badgeVariants({ variant: "gold" })).toContain("text-gold-foreground");
    expect(badgeVariants({ variant: "silver" })).toContain("text-silver-foreground");
    expect(badgeVariants({ variant: "none" })).toContain("text-muted-foreground");
  });
});

describe("Badge", () => {
  it("renders a span with data-slot/data-variant and merges className", () => {
    const html = renderToStaticMarkup(createElement(Badge, { variant: "gold", className: "px-3" }, "Gold"));
    expect(html).toMatch(/^<span /);
    expect(html).toContain('data-slot="badge"');
    expect(html).toContain('data-variant="gold"');
    expect(html).toContain("px-3");
    expect(html).not.toMatch(/\bpx-2\b/);
    expect(html).toContain(">Gold</span>");
  });
});
