import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * A list's search box: a GET form that keeps the list's other filters (`keep`) and takes the
 * whole width on a phone.
 */
export function ListSearch({ value, keep, label, submit }: { value: string; keep: Record<string, string>; label: string; submit: string }) {
  return (
    <form method="get" role="search" className="flex w-full gap-2 sm:w-auto">
      {Object.entries(keep).map(([name, kept]) => (
        <input key={name} type="hidden" name={name} value={kept} />
      ))}
      <Input name="q" defaultValue={value} placeholder={label} aria-label={label} className="w-full sm:w-72" maxLength={200} />
      <Button type="submit" variant="secondary">
        <Search aria-hidden /> {submit}
      </Button>
    </form>
  );
}
