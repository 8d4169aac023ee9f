import * as React from "react";

import { cn } from "@/lib/cn";

type ProgressProps = Omit<React.ComponentProps<"div">, "children"> & {
  /** Current value between 0 and `max`; null/undefined renders an indeterminate bar. */
  value?: number | null;
  max?: number;
  indicatorClassName?: string;
};

function clampPercent(value: number, max: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(max) || max <= 0) return 0;
  return Math.min(100, Math.max(0, (value / max) * 100));
}

// A plain div bar; the accessible name comes from the caller via aria-label / aria-labelledby.
function Progress({ className, indicatorClassName, value, max = 100, ...props }: ProgressProps) {
  const determinate = typeof value === "number";
  const percent = determinate ? clampPercent(value, max) : 0;
  // Indeterminate bars show full width and pulse instead.
  const offset = determinate ? 100 - percent : 0;

  return (
    <div
      data-slot="progress"
      data-state={!determinate ? "indeterminate" : percent >= 100 ? "complete" : "loading"}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={determinate ? Math.min(max, Math.max(0, value)) : undefined}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-primary/20", className)}
      {...props}
    >
      <div
        data-slot="progress-indicator"
        className={cn(
          "h-full w-full flex-1 bg-primary transition-transform",
          !determinate && "animate-pulse opacity-50",
          indicatorClassName,
        )}
        style={{ transform: `translateX(-${offset}%)` }}
      />
    </div>
  );
}

export { Progress, type ProgressProps };
