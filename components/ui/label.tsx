import * as React from "react";

import { cn } from "@/lib/cn";

/** A form label: the native element, which needs no JavaScript; its styles are `.label` (app/globals.css). */
function Label({ className, ...props }: React.ComponentProps<"label">) {
  return <label className={cn("label", className)} {...props} />;
}

export { Label };
