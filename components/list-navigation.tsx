import Link from "next/link";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/** Mutually exclusive views of a list as links, so the choice lives in the URL and needs no script. */
export function SegmentedLinks({ label, options }: { label: string; options: Array<{ href: string; label: string; current: boolean }> }) {
  return (
    <nav className="flex gap-1 rounded-lg bg-muted p-1 text-sm" aria-label={label}>
      {options.map((option) => (
        <Link
          key={option.href}
          href={option.href}
          aria-current={option.current ? "page" : undefined}
          className={cn(
            "rounded-md px-2.5 py-1 text-muted-foreground",
            option.current && "bg-background font-medium text-foreground shadow-sm",
          )}
        >
          {option.label}
        </Link>
      ))}
    </nav>
  );
}

/** Previous and next links around "page N of M"; hidden when everything fits on one page. */
export function Pagination({
  page,
  pages,
  href,
  labels,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  labels: { previous: string; next: string; status: string };
}) {
  if (pages <= 1) return null;
  const step = (target: number, text: string, disabled: boolean) => (
    <Button asChild variant="outline" size="sm" className={cn(disabled && "pointer-events-none opacity-50")}>
      <Link href={href(target)} aria-disabled={disabled} tabIndex={disabled ? -1 : undefined}>
        {text}
      </Link>
    </Button>
  );
  return (
    <nav className="flex items-center justify-between text-sm" aria-label={labels.status}>
      {step(page - 1, labels.previous, page <= 1)}
      <span className="text-muted-foreground">{labels.status}</span>
      {step(page + 1, labels.next, page >= pages)}
    </nav>
  );
}
