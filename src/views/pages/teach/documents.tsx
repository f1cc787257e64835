import type { TeacherDocumentListing } from "../../../db/queries/teacher-documents.ts";
import type { ErrorDetail } from "../../../lib/errors.ts";
import { CsrfField } from "../../components/csrf.tsx";
import { FormErrors } from "../../components/form-errors.tsx";

export function DocumentsPage(props: {
  documents: TeacherDocumentListing;
  csrfToken: string;
  values: Record<string, string>;
  error?: string;
  details?: ErrorDetail[];
  added?: string;
}) {
  const field = (name: string, label: string, extra: Record<string, unknown> = {}) => (
    <>
      <label for={`doc-${name}`}>{label}</label>
      <input type="text" id={`doc-${name}`} name={name} value={props.values[name] ?? ""} {...extra} />
    </>
  );
  return (
    <>
      <h1>Source documents</h1>
      <p>Your sets can quote these. Every quote is checked against the document's text, exactly as for the built-in library.</p>
      {props.added ? (
        <p role="status" class="result ok">
          Added document {props.added}.
        </p>
      ) : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Owner</th>
            </tr>
          </thead>
          <tbody>
            {props.documents.map((d) => (
              <tr>
                <th scope="row">
                  <a href={`/documents/${d.publicId}`}>{d.id}</a>
                </th>
                <td>{d.title}</td>
                <td>{d.outlet}</td>
                <td>{d.ownerId ? "you" : "built-in"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Add a document</h2>
      <FormErrors message={props.error} details={props.details} />
      <form method="post" action="/teach/documents">
        <CsrfField token={props.csrfToken} />
        {field("id", "Id (lower-case letters, digits and hyphens; used in sets as document: ...; yours alone: other teachers' ids do not matter)", {
          required: true,
          pattern: "[a-z0-9][a-z0-9\\-]{0,63}",
        })}
        {field("title", "Title", { required: true })}
        {field("outlet", "Outlet (write 'not stated' if the text does not say)")}
        {field("date", "Date (or 'not stated')")}
        {field("url", "URL (optional)")}
        <label for="doc-provenance">Provenance notes (one per line)</label>
        <textarea id="doc-provenance" name="provenance" rows={3}>
          {props.values.provenance ?? ""}
        </textarea>
        <label for="doc-text">Text, exactly as published</label>
        <textarea id="doc-text" name="text" required>
          {props.values.text ?? ""}
        </textarea>
        <button type="submit">Add document</button>
      </form>
    </>
  );
}
