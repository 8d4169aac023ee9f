import { describe, it, expect } from "vitest";
import { createElement } from "react";
import { renderToString } from "react-dom/server";

import { ThemeProvider } from "@/components/theme-provider";

describe("ThemeProvider", () => {
  it("server-renders next-themes' script as executable JavaScript", () => {
    const html = renderToString(createElement(ThemeProvider, null, "content"));
    const script = html.match(/<script\b[^>]*>/)?.[0];
    expect(script).toBeDefined();
    expect(script).not.toContain("type=");
    expect(html).toContain("content");
  });
});
