import { Award } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

const variants = { gold: "gold", silver: "silver" } as const;

export function TierBadge({ tier, label, className }: { tier: string; label: string; className?: string }) {
  const variant = tier in variants ? variants[tier as keyof typeof variants] : "none";
  return (
    <Badge variant={variant} className={cn("gap-1.5", className)} data-tier={tier}>
      <Award className="size-3.5" aria-hidden />
      {label}
    </Badge>
  );
}
