import { Award } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

const variants = { gold: "gold", silver: "silver" } as const;

/** A tier's badge; `icon` off where badges repeat down a list (the forecast). */
export function TierBadge({ tier, label, className, icon = true }: { tier: string; label: string; className?: string; icon?: boolean }) {
  const variant = tier in variants ? variants[tier as keyof typeof variants] : "none";
  return (
    <Badge variant={variant} className={cn("gap-1.5", className)} data-tier={tier}>
      {icon && <Award className="size-3.5" aria-hidden />}
      {label}
    </Badge>
  );
}
