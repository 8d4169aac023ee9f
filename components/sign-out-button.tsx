"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/form";
import { signOut } from "@/lib/actions/auth";

export function SignOutButton({ label }: { label: string }) {
  const [, submit] = useActionState(signOut, null);
  return (
    <form action={submit}>
      <SubmitButton variant="ghost" size="sm">
        {label}
      </SubmitButton>
    </form>
  );
}
