"use client";

import { ThemeProvider as NextThemesProvider, type ThemeProviderProps } from "next-themes";

// next-themes' inline anti-flicker script only does its job in the server HTML. When React 19
// creates it on the client (e.g. a remount) it logs "Encountered a script tag while rendering
// React component"; typing it as a data block there keeps it inert and silences that error.
// The server/client difference is covered by the script's own suppressHydrationWarning.
const clientScriptProps: ThemeProviderProps["scriptProps"] = typeof window === "undefined" ? undefined : { type: "application/json" };

// Requires <html suppressHydrationWarning>: next-themes sets the class before hydration.
function ThemeProvider({ children, ...props }: ThemeProviderProps) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      scriptProps={clientScriptProps}
      {...props}
    >
      {children}
    </NextThemesProvider>
  );
}

export { ThemeProvider };
