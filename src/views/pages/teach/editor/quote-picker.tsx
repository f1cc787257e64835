import type { Question } from "../../../../content/schema.ts";
import type { TeacherDocumentListing } from "../../../../db/queries/teacher-documents.ts";
import type { DocumentRow } from "../../../../db/schema.ts";
import type { PickerParagraph } from "../../../../teach/editor/sentences.ts";
import { CsrfField } from "../../../components/csrf.tsx";
import { EditorAssets } from "./assets.tsx";

export interface QuotePickerProps {
  slug: string;
  question: Question;
  position: number;
  into: "passages" | "sources";
  revision: number;
  documents: TeacherDocumentListing;
  /** The document being read, with its paragraphs cut into sentences; none while choosing one. */
  document?: Pick<DocumentRow, "id" | "label" | "title" | "outlet" | "date">;
  paragraphs?: PickerParagraph[];
  csrfToken: string;
  error?: string;
}

const INTO = { passages: "a passage (shown with the question)", sources: "a source (shown after answering)" } as const;

/** Choose a document, then sentences or paragraphs (or a selection): they become a quote, word for word. */
export function QuotePickerPage(props: QuotePickerProps) {
  const base = `/teach/sets/${props.slug}/edit/questions/${props.question.id}`;
  const here = (document: string) => `${base}/quote?into=${props.into}&document=${encodeURIComponent(document)}`;
  return (
    <>
      <EditorAssets />
      <p class="meta">
        <a href={base}>Back to question {props.position}</a>
      </p>
      <h1>
        Pick {INTO[props.into]} for question {props.position}
      </h1>
      <p class="meta">{props.question.prompt.replace(/<[^>]*>/g, " ")}</p>
      {!props.document ? (
        <>
          <h2>Choose a document</h2>
          <ul>
            {props.documents.map((d) => (
              <li>
                <a href={here(d.id)}>{d.label || d.title}</a>{" "}
                <span class="muted">
                  ({d.id}: {d.title}
                  {d.ownerId ? "; yours" : ""})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <PickerForm {...props} document={props.document} paragraphs={props.paragraphs ?? []} action={`${base}/quote`} />
      )}
    </>
  );
}

function PickerForm(props: QuotePickerProps & { document: NonNullable<QuotePickerProps["document"]>; paragraphs: PickerParagraph[]; action: string }) {
  const { document } = props;
  return (
    <>
      <h2>
        {document.label || document.title}: {document.title}
      </h2>
      <p class="meta">
        {document.outlet} · {document.date} · <a href={`${props.action}?into=${props.into}`}>another document</a>
      </p>
      <p id="picker-help">
        Tick the sentences you want, or a whole paragraph. They must follow one another. With JavaScript on, you can instead select the words with the mouse or
        by touch; the selection is widened to whole words.
      </p>
      {props.error ? (
        <div class="error" role="alert" id="form-errors">
          <p>
            <strong>Nothing was added: {props.error}</strong>
          </p>
        </div>
      ) : null}
      <form method="post" action={props.action} class="picker-form">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="revision" value={String(props.revision)} />
        <input type="hidden" name="document" value={document.id} />
        <input type="hidden" name="start" id="pick-start" value="" />
        <input type="hidden" name="end" id="pick-end" value="" />
        <div id="selection" hidden aria-live="polite">
          <p>
            <strong>Your selection:</strong> <span id="selection-text" />
          </p>
          <button type="button" id="clear-selection" class="secondary small">
            Clear the selection
          </button>
        </div>
        <div class="picker" data-picker aria-describedby="picker-help">
          {props.paragraphs.map((paragraph) => (
            <div class="para" id={`p-${paragraph.number}`}>
              <p class="para-pick">
                <input type="checkbox" id={`para-${paragraph.number}`} name="p" value={String(paragraph.number)} />
                <label for={`para-${paragraph.number}`}>Paragraph {paragraph.number}, all of it</label>
              </p>
              {paragraph.sentences.map((sentence) => (
                <>
                  <label class="sentence" for={`s-${sentence.key}`}>
                    <input type="checkbox" id={`s-${sentence.key}`} name="s" value={sentence.key} />
                    <span data-start={String(sentence.start)} data-end={String(sentence.end)}>
                      {sentence.text}
                    </span>
                  </label>{" "}
                </>
              ))}
            </div>
          ))}
        </div>
        <div class="actions sticky-actions">
          <button type="submit" name="into" value={props.into}>
            Add as {props.into === "passages" ? "a passage" : "a source"}
          </button>
          <button type="submit" name="into" value={props.into === "passages" ? "sources" : "passages"} class="secondary">
            Add as {props.into === "passages" ? "a source" : "a passage"} instead
          </button>
        </div>
      </form>
    </>
  );
}
