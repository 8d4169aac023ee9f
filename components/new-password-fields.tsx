import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { maximumPasswordLength, minimumPasswordLength } from "@/lib/auth/password-length";

export interface NewPasswordLabels {
  password: string;
  passwordHint: string;
  confirmPassword: string;
}

/** A new password typed twice, as lib/auth/password-policy accepts it (invitations, the account page). */
export function NewPasswordFields({ labels, errors }: { labels: NewPasswordLabels; errors?: Record<string, string[]> }) {
  return (
    <>
      <FormField name="password" label={labels.password} description={labels.passwordHint} error={errors?.password} required>
        <Input type="password" autoComplete="new-password" minLength={minimumPasswordLength} maxLength={maximumPasswordLength} />
      </FormField>
      <FormField name="confirmPassword" label={labels.confirmPassword} error={errors?.confirmPassword} required>
        <Input type="password" autoComplete="new-password" maxLength={maximumPasswordLength} />
      </FormField>
    </>
  );
}
