import type { ErrorDetail } from "../../lib/errors.ts";

/** Errors shown next to the form that caused them, with line and path where known. */
export function FormErrors({ message, details }: { message?: string; details?: ErrorDetail[] }) {
  if (!message) return null;
  return (
    <div class="error" role="alert" id="form-errors">
      <p>
        <strong>{message}</strong>
      </p>
      {details && details.length > 0 ? (
        <ul>
          {details.map((d) => (
            <li>
              {d.line ? `Line ${d.line}: ` : ""}
              {d.path ? <code>{d.path}</code> : null}
              {d.path ? ": " : ""}
              {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
