// A failure in the member's language, by its code (lib/http/client-error.ts): what a form or a button
// shows when a call fails, never the server's English message. Server and client components alike.
import { useTranslations } from "next-intl";
import { clientError, errorMessage } from "@/lib/http/client-error";

/** The message for `error` (an ApiError, an error body, a failed fetch); nothing when there is none. */
export function ErrorText({ error, className }: { error: unknown; className?: string }) {
  const t = useTranslations("Errors");
  if (error === null || error === undefined) return null;
  return (
    <span className={className} data-error-code={clientError(error).code}>
      {errorMessage(t, error)}
    </span>
  );
}
