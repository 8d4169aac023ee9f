/** A CSV import form as a browser posts it: the table, the file and, to import, the preview's digest. */
export function upload(table: string, text: string, digest?: string): FormData {
  const data = new FormData();
  data.set("table", table);
  data.set("file", new File([text], `${table}.csv`, { type: "text/csv" }));
  if (digest) data.set("digest", digest);
  return data;
}
