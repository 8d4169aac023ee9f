import { describe, expect, it } from "vitest";
import fr from "@/messages/fr.json";

function* texts(node: unknown, path: string): Generator<[string, string]> {
  if (typeof node === "string") yield [path, node];
  else if (node && typeof node === "object")
    for (const [key, value] of Object.entries(node)) yield* texts(value, path ? `${path}.${key}` : key);
}

/** The rules of French typography and wording the portal's French follows, checked on every message. */
const rules: Array<{ rule: string; wrong: RegExp }> = [
  { rule: "a no-break space (U+00A0) before a colon", wrong: /[^\u00a0]:(?!\/\/)/ },
  { rule: "a narrow no-break space (U+202F) before ; ? !", wrong: /[^\u202f][;?!]/ },
  { rule: "French quotes with a narrow no-break space inside", wrong: /«[^\u202f]|[^\u202f]»|"/ },
  { rule: "one word for revenue, « recettes »", wrong: /chiffre d[’']affaires|\brevenus?\b/i },
];

describe("the French messages", () => {
  const all = [...texts(fr, "")];

  it("are many enough for the check to mean something", () => {
    expect(all.length).toBeGreaterThan(500);
  });

  for (const { rule, wrong } of rules) {
    it(`follow French usage: ${rule}`, () => {
      expect(all.filter(([, text]) => wrong.test(text)).map(([path, text]) => `${path}: ${text}`)).toEqual([]);
    });
  }
});
