import type { ImportNote } from "../../../content/import/index.ts";
import type { QuestionRow } from "../../../db/schema.ts";
import { optionLabel } from "../../../quiz/order.ts";

/** Options without feedback: students then see only whether they were right. */
export function MissingFeedback({ question }: { question: QuestionRow["content"] }) {
  if (!("options" in question) || question.type === "evidence") return null;
  const missing = question.options.flatMap((o, index) => (o.feedback ? [] : [optionLabel(index)]));
  if (missing.length === 0) return null;
  return (
    <p class="meta">
      No feedback on {missing.length === question.options.length ? "any option" : `option${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`}: students see
      only whether they were right.
    </p>
  );
}

/** What an import left out or changed, line by line. */
export function ImportReport({ notes }: { notes: ImportNote[] }) {
  const leftOut = notes.filter((n) => n.outcome === "left out").length;
  return (
    <section aria-labelledby="import-report">
      <h2 id="import-report">Import report</h2>
      <p>
        {leftOut === 0 ? "Every question was imported" : `${leftOut} left out`}; {notes.length - leftOut} change{notes.length - leftOut === 1 ? "" : "s"} to
        check. To bring a question in, fix it in the file and upload the file again.
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Question</th>
              <th scope="col">What happened</th>
            </tr>
          </thead>
          <tbody>
            {notes.map((note) => (
              <tr>
                <td>{note.line ?? "–"}</td>
                <td>{note.question || "–"}</td>
                <td>
                  <strong>{note.outcome}</strong>: {note.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
