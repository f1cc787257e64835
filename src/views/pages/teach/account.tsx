import type { listApiTokens } from "../../../db/queries/teachers.ts";
import { CsrfField } from "../../components/csrf.tsx";

export function AccountPage({
  tokens,
  csrfToken,
  newToken,
  newInvite,
}: {
  tokens: Awaited<ReturnType<typeof listApiTokens>>;
  csrfToken: string;
  newToken?: string;
  newInvite?: string;
}) {
  return (
    <>
      <h1>Account</h1>
      <h2>API tokens</h2>
      <p>
        Tokens let scripts use the <a href="/api/docs">JSON API</a> as you. A token is shown once; only a hash is stored.
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
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr>
                  <th scope="row">{t.name}</th>
                  <td>{t.createdAt.toISOString().slice(0, 10)}</td>
                  <td>{t.lastUsedAt ? t.lastUsedAt.toISOString().slice(0, 16).replace("T", " ") : "never"}</td>
                  <td>
                    {t.revokedAt ? (
                      "revoked"
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
      <form method="post" action="/teach/tokens">
        <CsrfField token={csrfToken} />
        <label for="token-name">Token name</label>
        <input type="text" id="token-name" name="name" required maxlength={60} />
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
    </>
  );
}
