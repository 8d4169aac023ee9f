"use client";

import { useEffect, useId, useState } from "react";
import { CheckIcon, Loader2Icon } from "lucide-react";
import { useFormField } from "@/components/ui/form";
import { cn } from "@/lib/cn";

type Person = { id: string; name: string };
type Choices = { people: Person[]; more: boolean };

export interface PersonComboboxLabels {
  placeholder: string;
  loading: string;
  noMatch: string;
  /** Said under the list when more people match than it shows. */
  more: string;
  failed: string;
}

/**
 * A searchable person picker (the WAI-ARIA combobox pattern): typing asks the server for the
 * first matching people of the organization (`/api/people/choices`), arrows move through them,
 * Enter or a click picks one. The form posts the picked person's id as `name`; the text typed
 * is posted as `${name}Search`, so a refused form shows it again.
 */
export function PersonCombobox({
  name,
  purpose,
  labels,
  defaultValue,
  defaultText,
  disabled,
}: {
  name: string;
  purpose: "exam-pass" | "invitation";
  labels: PersonComboboxLabels;
  defaultValue?: string;
  defaultText?: string;
  disabled?: boolean;
}) {
  const field = useFormField();
  const listId = useId();
  const [text, setText] = useState(defaultText ?? "");
  const [chosen, setChosen] = useState<Person | null>(defaultValue && defaultText ? { id: defaultValue, name: defaultText } : null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [choices, setChoices] = useState<Choices | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");

  // The server is asked again when the text changes while the list is open, a moment after the last key.
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState("loading");
      const query = new URLSearchParams({ for: purpose, q: text });
      fetch(`/api/people/choices?${query}`, { signal: controller.signal })
        .then(async (response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          setChoices((await response.json()) as Choices);
          setActive(-1);
          setState("idle");
        })
        .catch(() => {
          if (!controller.signal.aborted) setState("failed");
        });
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, text, purpose]);

  const people = choices?.people ?? [];

  function choose(person: Person) {
    setChosen(person);
    setText(person.name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      if (people.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + people.length) % people.length);
    } else if (event.key === "Enter" && open) {
      // Enter picks the highlighted person instead of submitting the form.
      event.preventDefault();
      const person = people[active] ?? (people.length === 1 ? people[0] : undefined);
      if (person) choose(person);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const activeId = open && active >= 0 ? `${listId}-${active}` : undefined;

  return (
    <div className="relative">
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <input
        id={field?.id}
        name={`${name}Search`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-invalid={field?.invalid || undefined}
        aria-describedby={field?.describedBy}
        aria-required={field?.required || undefined}
        autoComplete="off"
        maxLength={200}
        disabled={disabled}
        placeholder={labels.placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (chosen && event.target.value !== chosen.name) setChosen(null);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="input"
      />
      <div
        className={cn(
          "absolute z-50 mt-1 w-full overflow-hidden rounded-md border bg-popover text-popover-foreground shadow-md",
          !open && "hidden",
        )}
      >
        <ul id={listId} role="listbox" aria-label={labels.placeholder} className="max-h-64 overflow-y-auto p-1">
          {people.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // Picked before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
              onMouseMove={() => setActive(index)}
              className={cn(
                "flex cursor-default items-center justify-between gap-2 rounded-sm px-2 py-1.5 text-sm select-none",
                index === active && "bg-accent text-accent-foreground",
              )}
            >
              {person.name}
              {chosen?.id === person.id && <CheckIcon className="size-4" aria-hidden="true" />}
            </li>
          ))}
        </ul>
        <p className="border-t px-3 py-2 text-xs text-muted-foreground empty:hidden" aria-live="polite">
          {state === "loading" ? (
            <span className="inline-flex items-center gap-1">
              <Loader2Icon className="size-3 animate-spin" aria-hidden="true" />
              {labels.loading}
            </span>
          ) : state === "failed" ? (
            labels.failed
          ) : choices && people.length === 0 ? (
            labels.noMatch
          ) : choices?.more ? (
            labels.more
          ) : null}
        </p>
      </div>
    </div>
  );
}
