"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/form";
import { signOutEverywhere } from "@/lib/actions/auth";

export function SignOutEverywhereButton({ label }: { label: string }) {
  const [, submit] = useActionState(signOutEverywhere, null);
  return (
    <form action={submit}>
      <SubmitButton variant="outline">{label}</SubmitButton>
    </form>
  );
}
