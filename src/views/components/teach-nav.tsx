import type { Child } from "hono/jsx";
import { CsrfField } from "./csrf.tsx";

/** The teacher area's own navigation, with sign-out as a POST form. */
export function TeachShell({ teacherName, csrfToken, children }: { teacherName: string; csrfToken: string; children?: Child }) {
  return (
    <>
      <nav aria-label="Teacher" class="actions teach">
        <a href="/teach">Dashboard</a>
        <a href="/teach/sets/new">Add a set</a>
        <a href="/teach/documents">Documents</a>
        <a href="/teach/classes">Classes</a>
        <a href="/teach/account">Account</a>
        <a href="/api/docs">API</a>
        <a href="/teach/help">Help</a>
        <form method="post" action="/teach/logout">
          <CsrfField token={csrfToken} />
          <button type="submit" class="link">
            Sign out ({teacherName})
          </button>
        </form>
      </nav>
      {children}
    </>
  );
}
