import * as React from "react";

import { cn } from "@/lib/cn";

/** A text field; its styles are `.input` (app/globals.css). */
function Input({ className, type, ...props }: React.ComponentProps<"input">) {
  return <input type={type} className={cn("input", className)} {...props} />;
}

export { Input };
