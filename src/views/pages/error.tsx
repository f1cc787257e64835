import type { ErrorDetail } from "../../lib/errors.ts";

export function ErrorPage({ status, message, details, requestId }: { status: number; message: string; details: ErrorDetail[]; requestId?: string }) {
  const heading = status === 404 ? "Not found" : status >= 500 ? "Something went wrong" : "That did not work";
  return (
    <>
      <h1>{heading}</h1>
      <p class="error" role="alert">
        {message}
      </p>
      {details.length > 0 ? (
        <ul>
          {details.map((d) => (
            <li>
              {d.line ? `line ${d.line}: ` : ""}
              {d.path ? `${d.path}: ` : ""}
              {d.message}
            </li>
          ))}
        </ul>
      ) : null}
      {requestId ? <p class="meta">Reference: {requestId}</p> : null}
      <p>
        <a href="/">Back to all quizzes</a>
      </p>
    </>
  );
}
