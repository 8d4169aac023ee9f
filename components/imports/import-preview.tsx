import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RowStatus } from "@/lib/csv/plan";
import type { ImportPreview } from "@/lib/csv/preview";
import { cn } from "@/lib/cn";

export interface ImportPreviewLabels {
  problemsTitle: string;
  rowsTitle: string;
  line: string;
  status: string;
  statuses: Record<RowStatus, string>;
}

const statusVariant: Record<RowStatus, "success" | "warning" | "secondary"> = {
  new: "success",
  changed: "warning",
  unchanged: "secondary",
};

/** A preview: the bad rows with their line and reason first, then each row as it will be stored. */
export function ImportPreviewView({ preview, labels }: { preview: ImportPreview; labels: ImportPreviewLabels }) {
  return (
    <div className="space-y-6" data-testid="import-preview">
      <div className="space-y-1">
        <p className="font-medium" aria-live="polite">
          {preview.summary}
        </p>
        {preview.notes.map((note) => (
          <p key={note} className="text-sm text-muted-foreground">
            {note}
          </p>
        ))}
      </div>

      {preview.problems.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold text-destructive">{labels.problemsTitle}</h2>
          <ul className="space-y-1 text-sm">
            {preview.problems.map((problem, index) => (
              <li key={index} data-testid="import-problem" data-line={problem.line}>
                <span className="font-medium">{problem.where}</span>: {problem.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      {preview.rows.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{labels.rowsTitle}</h2>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-16">{labels.line}</TableHead>
                <TableHead>{labels.status}</TableHead>
                {preview.columns.map((column) => (
                  <TableHead key={column} className="font-mono">
                    {column}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.rows.map((row) => (
                <TableRow key={row.line} data-testid="import-row" data-status={row.status}>
                  <TableCell className="tabular-nums">{row.line}</TableCell>
                  <TableCell>
                    <Badge variant={statusVariant[row.status]}>{labels.statuses[row.status]}</Badge>
                  </TableCell>
                  {row.cells.map((cell, index) => (
                    <TableCell key={index} className={cn(row.changed.includes(preview.columns[index]) && "font-semibold")}>
                      {cell}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
    </div>
  );
}
