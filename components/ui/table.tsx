import * as React from "react";

import { cn } from "@/lib/cn";

// The styles of rows and cells are the `.data-table` rules of app/globals.css, set once on the
// table: a list of many rows does not repeat them on every cell.

function Table({ className, ...props }: React.ComponentProps<"table">) {
  return (
    <div className="table-container">
      <table className={cn("data-table", className)} {...props} />
    </div>
  );
}

function TableHeader(props: React.ComponentProps<"thead">) {
  return <thead {...props} />;
}

function TableBody(props: React.ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

function TableFooter(props: React.ComponentProps<"tfoot">) {
  return <tfoot {...props} />;
}

function TableRow(props: React.ComponentProps<"tr">) {
  return <tr {...props} />;
}

function TableHead(props: React.ComponentProps<"th">) {
  return <th {...props} />;
}

function TableCell(props: React.ComponentProps<"td">) {
  return <td {...props} />;
}

function TableCaption(props: React.ComponentProps<"caption">) {
  return <caption {...props} />;
}

export { Table, TableHeader, TableBody, TableFooter, TableHead, TableRow, TableCell, TableCaption };
