/**
 * Where the first syntax error of `text` as JSON is, as a line and a column counted from 1, or
 * null when it is valid JSON. JSON.parse says where only for some errors ("at position 12")
 * and not for others ("Unexpected token '}'"), so the place is found by parsing ever shorter
 * beginnings of the text: one that ends inside valid JSON fails only for ending too soon.
 */
export function jsonSyntaxErrorAt(text: string): { line: number; column: number } | null {
  if (errorOf(text) === null) return null;
  // The shortest beginning that already holds the error: its last character is where it is.
  let valid = 0;
  let broken = text.length;
  while (broken - valid > 1) {
    const middle = Math.floor((valid + broken) / 2);
    if (holdsError(text.slice(0, middle))) broken = middle;
    else valid = middle;
  }
  const before = text.slice(0, broken - 1);
  const line = before.split("\n").length;
  return { line, column: broken - before.lastIndexOf("\n") - 1 };
}

function errorOf(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Whether `beginning` breaks JSON's syntax before its end (ending too soon is no error here). */
function holdsError(beginning: string): boolean {
  const message = errorOf(beginning);
  if (message === null || /end of JSON input/i.test(message)) return false;
  const position = message.match(/at position (\d+)/);
  return position === null || Number(position[1]) < beginning.trimEnd().length;
}
