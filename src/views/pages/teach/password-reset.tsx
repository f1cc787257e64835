import type { ErrorDetail } from "../../../lib/errors.ts";
import { PASSWORD_MIN_LENGTH } from "../../../teach/password-length.ts";
import { CsrfField } from "../../components/csrf.tsx";
import { FormErrors } from "../../components/form-errors.tsx";

/** Where the owner of a reset link chooses a new password. */
export function ResetPasswordPage({ csrfToken, token, error, details }: { csrfToken: string; token: string; error?: string; details?: ErrorDetail[] }) {
  return (
    <>
      <h1>Choose a new password</h1>
      <p>This link works once and expires an hour after it was made. Setting a password signs you out everywhere else.</p>
      <FormErrors message={error} details={details} />
      <form method="post" action={`/teach/reset/${token}`}>
        <CsrfField token={csrfToken} />
        <label for="password">New password</label>
        <p class="meta" id="password-hint">
          At least {PASSWORD_MIN_LENGTH} characters. A few unrelated words work well; no symbols or digits needed.
        </p>
        <input
          type="password"
          id="password"
          name="password"
          required
          minlength={PASSWORD_MIN_LENGTH}
          aria-describedby="password-hint"
          aria-invalid={details?.some((d) => d.path === "password") ? "true" : undefined}
          autocomplete="new-password"
        />
        <button type="submit">Set password</button>
      </form>
    </>
  );
}

/** An unknown, used or expired link: one answer for all three. */
export function ResetLinkInvalidPage() {
  return (
    <>
      <h1>This reset link does not work</h1>
      <p>It may be mistyped, used already or more than an hour old. Ask a colleague to make a new one from their Account page.</p>
      <p>
        <a href="/teach/login">Go to sign-in</a>
      </p>
    </>
  );
}
