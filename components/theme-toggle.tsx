"use client";

import { MoonIcon, SunIcon } from "lucide-react";
import { useTheme } from "next-themes";

import { cn } from "@/lib/cn";
import { Button } from "@/components/ui/button";

type ThemeToggleProps = {
  /** Accessible name (localized by the caller), e.g. "Toggle theme". */
  label: string;
  className?: string;
};

function ThemeToggle({ label, className }: ThemeToggleProps) {
  const { resolvedTheme, setTheme } = useTheme();

  // Icons swap through the `dark:` variant rather than resolvedTheme, which is unknown during
  // SSR; this keeps server and client markup identical.
  return (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      aria-label={label}
      title={label}
      data-print="hide"
      className={cn("relative", className)}
      onClick={() => setTheme(resolvedTheme === "dark" ? "light" : "dark")}
    >
      <SunIcon aria-hidden="true" className="scale-100 rotate-0 transition-all dark:scale-0 dark:-rotate-90" />
      <MoonIcon aria-hidden="true" className="absolute scale-0 rotate-90 transition-all dark:scale-100 dark:rotate-0" />
    </Button>
  );
}

export { ThemeToggle, type ThemeToggleProps };
