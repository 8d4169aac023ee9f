import { describe, it, expect } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

function attr(html: string, tag: string, name: string): string | undefined {
  const element = html.match(new RegExp(`<${tag}\\b[^>]*>`))?.[0] ?? "";
  return element.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
}

function renderField(props: { error?: string | string[]; description?: string }): string {
  return renderToStaticMarkup(
    createElement(FormField, {
      name: "email",
      label: "E-mail",
      required: true,
      ...props,
      children: createElement(Input, { type: "email" }),
    }),
  );
}

describe("FormField", () => {
  it("wires label, id and name onto the control", () => {
    const html = renderField({});
    const id = attr(html, "input", "id");
    expect(id).toBeTruthy();
    expect(attr(html, "label", "for")).toBe(id);
    expect(attr(html, "input", "name")).toBe("email");
    expect(attr(html, "input", "required")).toBe("");
    expect(attr(html, "input", "aria-invalid")).toBeUndefined();
    expect(attr(html, "input", "aria-describedby")).toBeUndefined();
  });

  it("marks the control invalid and describes it with the description and error", () => {
    const html = renderField({ description: "Work address", error: ["Required", "Invalid"] });
    expect(attr(html, "input", "aria-invalid")).toBe("true");
    const describedBy = attr(html, "input", "aria-describedby")?.split(" ") ?? [];
    expect(describedBy).toHaveLength(2);
    for (const id of describedBy) expect(html).toContain(`id="${id}"`);
    expect(html).toContain("Required");
    expect(html).toContain("Invalid");
  });

  it("keeps props set on the control itself", () => {
    const html = renderToStaticMarkup(
      createElement(FormField, {
        name: "email",
        label: "E-mail",
        children: createElement(Input, { id: "custom", name: "other" }),
      }),
    );
    expect(attr(html, "input", "id")).toBe("custom");
    expect(attr(html, "input", "name")).toBe("other");
  });

  it("ignores blank error messages", () => {
    expect(attr(renderField({ error: ["", " "] }), "input", "aria-invalid")).toBeUndefined();
  });
});

describe("FormError", () => {
  it("renders nothing without a message", () => {
    expect(renderToStaticMarkup(createElement(FormError, { message: null }))).toBe("");
  });

  it("renders an alert with the message", () => {
    const html = renderToStaticMarkup(createElement(FormError, { message: "Wrong password" }));
    expect(html).toContain('role="alert"');
    expect(html).toContain("Wrong password");
  });
});

describe("SubmitButton", () => {
  it("is a submit button that is not pending outside a submission", () => {
    const html = renderToStaticMarkup(createElement(SubmitButton, null, "Save"));
    expect(attr(html, "button", "type")).toBe("submit");
    expect(attr(html, "button", "aria-busy")).toBeUndefined();
    expect(html).toContain("Save");
  });
});
