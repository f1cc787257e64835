import type { ErrorDetail } from "../../../lib/errors.ts";
import { PASSWORD_MIN_LENGTH } from "../../../teach/password-length.ts";
import { CsrfField } from "../../components/csrf.tsx";
import { FormErrors } from "../../components/form-errors.tsx";

export function LoginPage({
  csrfToken,
  next,
  email,
  error,
  signedUp,
  passwordReset,
}: {
  csrfToken: string;
  next: string;
  email?: string;
  error?: string;
  signedUp?: boolean;
  passwordReset?: boolean;
}) {
  return (
    <>
      <h1>Teacher sign-in</h1>
      {signedUp ? (
        // Worded for both cases: sign-up never says whether the email already had an account.
        <div class="result ok" role="status">
          <p>
            Thank you. Sign in with your email and the password you chose. If that does not work, the email may already have an account: check with the teacher
            who invited you.
          </p>
        </div>
      ) : null}
      {passwordReset ? (
        <div class="result ok" role="status">
          <p>Your new password is set, and every other session has been signed out. Sign in with it now.</p>
        </div>
      ) : null}
      <FormErrors message={error} />
      <form method="post" action="/teach/login">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="next" value={next} />
        <label for="email">Email</label>
        <input type="email" id="email" name="email" required autocomplete="username" value={email ?? ""} />
        <label for="password">Password</label>
        <input type="password" id="password" name="password" required autocomplete="current-password" />
        <button type="submit">Sign in</button>
      </form>
      <p>
        New here? A colleague can give you an invite code: <a href="/teach/signup">sign up with an invite</a>.
      </p>
      <p>Forgot your password? A colleague can make you a reset link from their Account page.</p>
    </>
  );
}

export function SignupPage({
  csrfToken,
  values,
  error,
  details,
}: {
  csrfToken: string;
  values?: Record<string, string>;
  error?: string;
  details?: ErrorDetail[];
}) {
  return (
    <>
      <h1>Sign up as a teacher</h1>
      <p>You need an invite code from a teacher who already uses Sourcewise.</p>
      <FormErrors message={error} details={details} />
      <form method="post" action="/teach/signup">
        <CsrfField token={csrfToken} />
        <label for="invite">Invite code</label>
        <input type="text" id="invite" name="invite" required value={values?.invite ?? ""} autocomplete="off" />
        <label for="displayName">Your name</label>
        <input type="text" id="displayName" name="displayName" required maxlength={80} value={values?.displayName ?? ""} autocomplete="name" />
        <label for="email">Email</label>
        <input type="email" id="email" name="email" required value={values?.email ?? ""} autocomplete="username" />
        <label for="password">Password</label>
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
          autocomplete="new-password"
        />
        <button type="submit">Create account</button>
      </form>
    </>
  );
}
