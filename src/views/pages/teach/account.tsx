import type { listApiTokens } from "../../../db/queries/teachers.ts";
import type { ErrorDetail } from "../../../lib/errors.ts";
import { TOKEN_LIFETIMES, TOKEN_SCOPES } from "../../../teach/token-options.ts";
import { CsrfField } from "../../components/csrf.tsx";
import { FormErrors } from "../../components/form-errors.tsx";

type Token = Awaited<ReturnType<typeof listApiTokens>>[number];

const day = (date: Date) => date.toISOString().slice(0, 10);

function tokenStatus(token: Token, now: number): "revoked" | "expired" | "active" {
  if (token.revokedAt) return "revoked";
  return token.expiresAt && token.expiresAt.getTime() <= now ? "expired" : "active";
}

export function AccountPage({
  tokens,
  csrfToken,
  newToken,
  newInvite,
  reset,
  error,
  details,
}: {
  tokens: Token[];
  csrfToken: string;
  newToken?: string;
  newInvite?: string;
  /** The reset form's outcome: a new link, or what was wrong with the email. */
  reset?: { email: string; link?: string; error?: string; details?: ErrorDetail[] };
  error?: string;
  details?: ErrorDetail[];
}) {
  const now = Date.now();
  return (
    <>
      <h1>Account</h1>
      <h2>API tokens</h2>
      <p>
        Tokens let scripts use the <a href="/api/docs">JSON API</a> as you. A token is shown once; only a hash is stored. A read-only token can only read your
        sets and documents. Give a token the least it needs and a short life.
      </p>
      {newToken ? (
        <div class="result ok" role="status">
          <p>Your new token (copy it now; it will not be shown again):</p>
          <p>
            <code id="new-token">{newToken}</code>
          </p>
        </div>
      ) : null}
      {tokens.length > 0 ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Access</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr>
                  <th scope="row">{t.name}</th>
                  <td>{t.scope === "read" ? "read only" : "read and write"}</td>
                  <td>{day(t.createdAt)}</td>
                  <td>{t.expiresAt ? day(t.expiresAt) : "never"}</td>
                  <td>{t.lastUsedAt ? t.lastUsedAt.toISOString().slice(0, 16).replace("T", " ") : "never"}</td>
                  <td>
                    {tokenStatus(t, now) !== "active" ? (
                      tokenStatus(t, now)
                    ) : (
                      <form method="post" action={`/teach/tokens/${t.id}/revoke`}>
                        <CsrfField token={csrfToken} />
                        <button type="submit" class="secondary">
                          Revoke {t.name}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <FormErrors message={error} details={details} />
      <form method="post" action="/teach/tokens">
        <CsrfField token={csrfToken} />
        <label for="token-name">Token name</label>
        <input type="text" id="token-name" name="name" required maxlength={60} />
        <label for="token-scope">Access</label>
        <select id="token-scope" name="scope">
          {TOKEN_SCOPES.map((scope) => (
            <option value={scope.value}>{scope.label}</option>
          ))}
        </select>
        <label for="token-lifetime">Expires after</label>
        <select id="token-lifetime" name="lifetime">
          {TOKEN_LIFETIMES.map((lifetime) => (
            <option value={lifetime.value}>{lifetime.label}</option>
          ))}
        </select>
        <button type="submit">Create token</button>
      </form>
      <h2>Invite a colleague</h2>
      <p>An invite code lets one teacher sign up. It works once and expires after 14 days.</p>
      {newInvite ? (
        <div class="result ok" role="status">
          <p>
            Invite code: <code id="new-invite">{newInvite}</code>
          </p>
          <p>They sign up at /teach/signup with this code.</p>
        </div>
      ) : null}
      <form method="post" action="/teach/invites">
        <CsrfField token={csrfToken} />
        <button type="submit">Create an invite code</button>
      </form>
      <h2>Reset a colleague's password</h2>
      <p>
        A colleague who forgot their password can set a new one with a reset link. It works once, expires after an hour, and signs them out everywhere else.
        Give it to them in person or over a channel you trust.
      </p>
      {reset?.link ? (
        // The same words whether or not the email has an account: this form is no way to find out.
        <div class="result ok" role="status">
          <p>If {reset.email} has an account, this link lets them choose a new password within the hour:</p>
          <p>
            <code id="new-reset-link">{reset.link}</code>
          </p>
        </div>
      ) : null}
      <FormErrors message={reset?.error} details={reset?.details} />
      <form method="post" action="/teach/password-resets">
        <CsrfField token={csrfToken} />
        <label for="reset-email">Their email</label>
        <input
          type="email"
          id="reset-email"
          name="email"
          required
          maxlength={320}
          value={reset?.link ? "" : (reset?.email ?? "")}
          aria-invalid={reset?.error ? "true" : undefined}
          autocomplete="off"
        />
        <button type="submit">Make a reset link</button>
      </form>
    </>
  );
}
