import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Badge, badgeVariants, type BadgeVariant } from "@/components/ui/badge";

const variants: BadgeVariant[] = ["default", "secondary", "destructive", "outline", "success", "warning", "gold", "silver", "none"];
const stylesheet = readFileSync(new URL("../../../app/globals.css", import.meta.url), "utf8");

/** The declarations of one rule of app/globals.css, by its selector. */
function rule(selector: string) {
  const match = new RegExp(`\\n\\s*${selector.replace(".", "\\.")} \\{([^}]*)\\}`).exec(stylesheet);
  return match?.[1] ?? "";
}

describe("badgeVariants", () => {
  it.each(variants)("%s is the base class and its variant's class, which the stylesheet defines", (variant) => {
    expect(badgeVariants({ variant }).split(" ")).toEqual(["badge", `badge-${variant}`]);
    expect(rule(`.badge-${variant}`)).toMatch(/@apply \S/);
  });

  it("falls back to the default variant", () => {
    expect(badgeVariants()).toBe(badgeVariants({ variant: "default" }));
  });

  it("tier badges use their foreground tokens", () => {
    expect(rule(".badge-gold")).toContain("text-gold-foreground");
    expect(rule(".badge-silver")).toContain("text-silver-foreground");
    expect(rule(".badge-none")).toContain("text-muted-foreground");
  });
});

describe("Badge", () => {
  it("renders a span with its classes and merges className", () => {
    const html = renderToStaticMarkup(createElement(Badge, { variant: "gold", className: "px-3" }, "Gold"));
    expect(html).toBe('<span class="badge badge-gold px-3">Gold</span>');
  });
});
