"use client";

// Helpers for plain server-action forms (no react-hook-form). The whole module is a
// client module because SubmitButton needs useFormStatus; apart from optional event
// handlers the props are serialisable, so server components can render these directly.

import * as React from "react";
import { useFormStatus } from "react-dom";
import { Slot } from "@radix-ui/react-slot";
import { CircleAlertIcon, Loader2Icon } from "lucide-react";

import { cn } from "@/lib/cn";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Label } from "@/components/ui/label";

/**
 * A form's onSubmit that asks `question` in the browser first and posts only once the visitor
 * agrees (for what cannot be undone); none without a question. Without JavaScript the form posts.
 */
export function confirmFirst(question: string | null | undefined): React.FormEventHandler<HTMLFormElement> | undefined {
  if (!question) return undefined;
  return (event) => {
    if (!window.confirm(question)) event.preventDefault();
  };
}

/** Shape of validation errors as returned by server actions (e.g. zod's flattened fieldErrors). */
type FormErrorValue = string | readonly string[] | null | undefined;

function toMessages(error: FormErrorValue): string[] {
  if (error == null) return [];
  const list = typeof error === "string" ? [error] : error;
  return list.filter((message) => message.trim() !== "");
}

type FormFieldContextValue = {
  id: string;
  name: string;
  descriptionId: string;
  messageId: string;
  invalid: boolean;
  required: boolean;
  errors: string[];
  /** Space-separated ids for aria-describedby, or undefined when there is nothing to describe. */
  describedBy: string | undefined;
};

const FormFieldContext = React.createContext<FormFieldContextValue | null>(null);

/** The surrounding FormField's wiring, or null outside a FormField. */
function useFormField(): FormFieldContextValue | null {
  return React.useContext(FormFieldContext);
}

type FormFieldProps = {
  /** Form field name; injected into the control unless the control sets its own. */
  name: string;
  label: React.ReactNode;
  description?: React.ReactNode;
  error?: FormErrorValue;
  required?: boolean;
  /** Control id; generated when omitted. */
  id?: string;
  className?: string;
  labelClassName?: string;
  /** Exactly one control element (Input, Textarea, Select, ...). */
  children: React.ReactElement;
};

function FormField({ name, label, description, error, required = false, id: idProp, className, labelClassName, children }: FormFieldProps) {
  const generatedId = React.useId();
  const id = idProp ?? `${generatedId}-${name}`;
  const errors = toMessages(error);
  const invalid = errors.length > 0;
  const descriptionId = `${id}-description`;
  const messageId = `${id}-message`;
  const describedBy = [description ? descriptionId : null, invalid ? messageId : null].filter(Boolean).join(" ") || undefined;

  const context: FormFieldContextValue = {
    id,
    name,
    descriptionId,
    messageId,
    invalid,
    required,
    errors,
    describedBy,
  };

  return (
    <FormFieldContext.Provider value={context}>
      <div data-slot="form-field" data-invalid={invalid || undefined} className={cn("grid gap-2", className)}>
        <Label htmlFor={id} data-invalid={invalid || undefined} className={cn("data-[invalid]:text-destructive", labelClassName)}>
          {label}
          {required ? (
            <span aria-hidden="true" className="-ml-1 text-destructive">
              *
            </span>
          ) : null}
        </Label>
        <FormControl>{children}</FormControl>
        {description ? <FormDescription>{description}</FormDescription> : null}
        <FormMessage />
      </div>
    </FormFieldContext.Provider>
  );
}

/**
 * Passes the field's id, name, required and ARIA state to its single child. Props set on the
 * child itself win. Radix Select ignores id/aria-* on its root, so SelectTrigger reads the
 * field context directly.
 */
function FormControl(props: React.ComponentProps<typeof Slot>) {
  const field = useFormField();
  if (!field) return <Slot {...props} />;

  // Slot forwards any prop to its child, but its type only lists generic HTML attributes;
  // spreading keeps `name`/`required` without widening the public props.
  const wiring = {
    id: field.id,
    name: field.name,
    required: field.required || undefined,
    "aria-invalid": field.invalid || undefined,
    "aria-describedby": field.describedBy,
  };

  return <Slot {...wiring} {...props} />;
}

function FormDescription({ className, id, ...props }: React.ComponentProps<"p">) {
  const field = useFormField();

  return (
    <p data-slot="form-description" id={id ?? field?.descriptionId} className={cn("text-sm text-muted-foreground", className)} {...props} />
  );
}

type FormMessageProps = Omit<React.ComponentProps<"p">, "children"> & {
  /** Overrides the surrounding FormField's error. */
  message?: FormErrorValue;
};

/** A field's validation message; renders nothing when there is none. */
function FormMessage({ className, id, message, ...props }: FormMessageProps) {
  const field = useFormField();
  const messages = message !== undefined ? toMessages(message) : (field?.errors ?? []);
  if (messages.length === 0) return null;

  return (
    <p data-slot="form-message" id={id ?? field?.messageId} className={cn("text-sm text-destructive", className)} {...props}>
      {messages.map((text, index) => (
        <span key={index} className="block">
          {text}
        </span>
      ))}
    </p>
  );
}

type FormErrorProps = Omit<React.ComponentProps<"div">, "title" | "children"> & {
  message?: FormErrorValue;
  title?: React.ReactNode;
};

/** Form-level error (e.g. "invalid credentials"); renders nothing without a message. */
function FormError({ message, title, className, ...props }: FormErrorProps) {
  const messages = toMessages(message);
  if (messages.length === 0) return null;

  return (
    <Alert variant="destructive" data-slot="form-error" className={className} {...props}>
      <CircleAlertIcon aria-hidden="true" />
      {title ? <AlertTitle>{title}</AlertTitle> : null}
      <AlertDescription>
        {messages.map((text, index) => (
          <p key={index}>{text}</p>
        ))}
      </AlertDescription>
    </Alert>
  );
}

type SubmitButtonProps = Omit<ButtonProps, "type" | "asChild"> & {
  /** Shown instead of children while the form is submitting. */
  pendingLabel?: React.ReactNode;
};

/**
 * Submit button that reflects the enclosing form's pending state. It uses aria-disabled rather
 * than disabled while pending so keyboard focus is not lost; clicks (and Enter-key implicit
 * submission, which clicks the default button) are cancelled to prevent double submits.
 */
function SubmitButton({ children, pendingLabel, disabled, onClick, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();

  return (
    <Button
      type="submit"
      disabled={disabled}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      data-pending={pending || undefined}
      onClick={(event) => {
        if (pending) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      {...props}
    >
      {pending ? <Loader2Icon className="animate-spin" aria-hidden="true" /> : null}
      {pending && pendingLabel != null ? pendingLabel : children}
    </Button>
  );
}

export {
  FormField,
  FormControl,
  FormDescription,
  FormMessage,
  FormError,
  SubmitButton,
  useFormField,
  type FormErrorValue,
  type FormFieldProps,
  type FormMessageProps,
  type FormErrorProps,
  type SubmitButtonProps,
};
