import { CsrfField } from "../components/csrf.tsx";
import { FormErrors } from "../components/form-errors.tsx";

export function JoinPage({ csrfToken, code, displayName, error }: { csrfToken: string; code: string; displayName: string; error?: string }) {
  return (
    <>
      <h1>Join your class</h1>
      <p>Type the code your teacher gave you and the name your teacher will see. You do not need an email or a password.</p>
      <FormErrors message={error} />
      <form method="post" action="/join">
        <CsrfField token={csrfToken} />
        <label for="join-code">Class code</label>
        <input type="text" id="join-code" name="code" required maxlength={12} value={code} autocomplete="off" autocapitalize="characters" />
        <label for="join-name">Your name</label>
        <input type="text" id="join-name" name="displayName" required maxlength={40} value={displayName} autocomplete="nickname" />
        <button type="submit">Join</button>
      </form>
    </>
  );
}
