/** The one source of the CSV import's limits: the action, the reader and the page all quote these. */

/** Data rows in one file, the header not counted. */
export const MAX_IMPORT_ROWS = 50_000;

/** Bytes in one file: 50,000 generous rows fit; the server action accepts a little more for the form around it. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Rows per INSERT or UPDATE statement: few round trips, and 1,000 rows of at most 8
 * parameters stay far below PostgreSQL's 65,535 parameters per statement.
 */
export const IMPORT_BATCH_ROWS = 1_000;

/** Rows and problems a preview sends back to the browser; the counts always cover the whole file. */
export const PREVIEW_LIMIT = 500;
