import { describe, expect, it } from "vitest";
import { jsonSyntaxErrorAt } from "@/lib/json-syntax";

describe("where JSON's first syntax error is", () => {
  it("is nowhere in valid JSON", () => {
    expect(jsonSyntaxErrorAt('{"a": [1, 2], "b": "x"}')).toBeNull();
  });

  it("is the line and column of the character that breaks it", () => {
    // A trailing comma: the error is the closing brace after it.
    expect(jsonSyntaxErrorAt('{\n  "a": 1,\n}')).toEqual({ line: 3, column: 1 });
    // A value missing: JSON.parse names the token but not where it is.
    expect(jsonSyntaxErrorAt('{"a":}')).toEqual({ line: 1, column: 6 });
    expect(jsonSyntaxErrorAt("[1 2]")).toEqual({ line: 1, column: 4 });
    expect(jsonSyntaxErrorAt("{\n  \"title\": 'single'\n}")).toEqual({ line: 2, column: 12 });
    // Text after the value.
    expect(jsonSyntaxErrorAt('{"a": 1} x')).toEqual({ line: 1, column: 10 });
  });

  it("is at the end of JSON that stops too soon", () => {
    expect(jsonSyntaxErrorAt('{"a": [1, 2')).toEqual({ line: 1, column: 11 });
  });
});
