import * as React from "react";

import { cn } from "@/lib/cn";

type SeparatorProps = React.ComponentProps<"div"> & {
  orientation?: "horizontal" | "vertical";
  /** Purely visual separators are hidden from assistive technology. */
  decorative?: boolean;
};

// Plain div instead of @radix-ui/react-separator (not a dependency); mirrors its ARIA output.
function Separator({ className, orientation = "horizontal", decorative = true, ...props }: SeparatorProps) {
  const ariaProps = decorative
    ? { role: "none" }
    : {
        role: "separator",
        // aria-orientation defaults to horizontal for role=separator.
        "aria-orientation": orientation === "vertical" ? ("vertical" as const) : undefined,
      };

  return (
    <div
      data-slot="separator"
      data-orientation={orientation}
      {...ariaProps}
      className={cn(
        "shrink-0 bg-border data-[orientation=horizontal]:h-px data-[orientation=horizontal]:w-full data-[orientation=vertical]:h-full data-[orientation=vertical]:w-px",
        className,
      )}
      {...props}
    />
  );
}

export { Separator, type SeparatorProps };
