export interface MailMessage {
  to: { email: string; name: string };
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

export const senderAddress = "Cloud CRM Competency Portal <no-reply@portal.example>";
