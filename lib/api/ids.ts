import "server-only";
import { NotFoundError } from "@/lib/data/errors";
import { recordId } from "@/lib/schemas/fields";

/** The id of a path: one that is no id names no record, like one of another organization. */
export function pathId(id: string): string {
  const parsed = recordId.safeParse(id);
  if (!parsed.success) throw new NotFoundError("record");
  return parsed.data;
}
