import type { ImportNote } from "../../../content/import/index.ts";
import type { SetSettings } from "../../../content/schema.ts";
import { skillLabel } from "../../../content/skills.ts";
import type { DocumentLabel } from "../../../db/queries/documents.ts";
import type { listSetsForTeacher, TeacherSet } from "../../../db/queries/teacher-sets.ts";
import type { QuestionRow } from "../../../db/schema.ts";
import type { ErrorDetail } from "../../../lib/errors.ts";
import { toPublicQuestion } from "../../../quiz/public-question.ts";
import type { SetWarning } from "../../../teach/set-warnings.ts";
import { AnswerInputs } from "../../components/answer-inputs.tsx";
import { AnswerReview } from "../../components/answer-review.tsx";
import { Citation } from "../../components/citation.tsx";
import { CsrfField } from "../../components/csrf.tsx";
import { FormErrors } from "../../components/form-errors.tsx";
import { RichBlock } from "../../components/rich-text.tsx";
import { SetSettingsList } from "../../components/set-settings.tsx";
import { ImportReport, MissingFeedback } from "./import-report.tsx";

type SetList = Awaited<ReturnType<typeof listSetsForTeacher>>;

export function setStatus(set: { published: boolean; current: { id: number | null } | null; draft: { id: number | null } | null }): string {
  if (set.published && set.draft?.id) return "published, with an unpublished draft";
  if (set.published) return "published";
  if (set.current?.id) return "unpublished";
  return "draft";
}

export function SetsTable({ sets }: { sets: SetList }) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">Status</th>
            <th scope="col">Questions</th>
          </tr>
        </thead>
        <tbody>
          {sets.map((set) => (
            <tr>
              <th scope="row">
                <a href={`/teach/sets/${set.slug}`}>{set.draft?.title ?? set.current?.title ?? set.slug}</a>
                {set.builtIn ? <span class="badge you">built-in</span> : null}
              </th>
              <td>{setStatus(set)}</td>
              <td>{set.draft?.questionCount ?? set.current?.questionCount ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const FORMAT_LABELS = {
  auto: "Detect from the file or text",
  sourcewise: "Sourcewise YAML or JSON",
  gift: "Moodle GIFT",
  "moodle-xml": "Moodle XML",
  aiken: "Aiken",
} as const;

export function SetUploadForm({
  action,
  csrfToken,
  values,
  skills,
  withSlug,
}: {
  action: string;
  csrfToken: string;
  values: Record<string, string>;
  skills: [string, string][];
  withSlug: boolean;
}) {
  return (
    <form method="post" action={action} enctype="multipart/form-data">
      <CsrfField token={csrfToken} />
      {withSlug ? (
        <>
          <label for="slug">Slug (the set's web address: lower-case letters, digits and hyphens)</label>
          <input type="text" id="slug" name="slug" required pattern="[a-z0-9][a-z0-9\-]{0,63}" value={values.slug ?? ""} />
        </>
      ) : null}
      <label for="format">Format</label>
      <select id="format" name="format">
        {Object.entries(FORMAT_LABELS).map(([value, label]) => (
          <option value={value} selected={(values.format ?? "auto") === value}>
            {label}
          </option>
        ))}
      </select>
      <p class="meta">
        <a href="/teach/formats">What each format can hold</a>: every GIFT construct, Moodle XML and Aiken, with examples.
      </p>
      <label for="file">Upload a file (at most 256 KB)</label>
      <input type="file" id="file" name="file" accept=".yaml,.yml,.json,.gift,.txt,.xml" />
      <label for="content">…or paste the set</label>
      <textarea id="content" name="content" spellcheck={false}>
        {values.content ?? ""}
      </textarea>
      <fieldset>
        <legend>For GIFT, Moodle XML and Aiken only (those formats carry no skills)</legend>
        <label for="title">Title</label>
        <input type="text" id="title" name="title" maxlength={140} value={values.title ?? ""} />
        <label for="summary">Summary</label>
        <input type="text" id="summary" name="summary" maxlength={600} value={values.summary ?? ""} />
        <label for="skill">Skill every question practises</label>
        <select id="skill" name="skill">
          {skills.map(([id, label]) => (
            <option value={id} selected={values.skill === id}>
              {label}
            </option>
          ))}
        </select>
        <label for="difficulty">Difficulty</label>
        <select id="difficulty" name="difficulty">
          {["easy", "medium", "hard"].map((d) => (
            <option value={d} selected={(values.difficulty ?? "medium") === d}>
              {d}
            </option>
          ))}
        </select>
      </fieldset>
      <button type="submit">Check and preview</button>
    </form>
  );
}

export function NewSetPage(props: { csrfToken: string; values: Record<string, string>; skills: [string, string][]; error?: string; details?: ErrorDetail[] }) {
  return (
    <>
      <h1>Add a question set</h1>
      <p>
        Paste or upload a set in the Sourcewise format, Moodle GIFT, Moodle XML or Aiken (see <a href="/teach/formats">question file formats</a>). A Moodle file
        imports every question it can; each question left out or changed is listed with its line. Then you see a preview, exactly as students will, before you
        publish.
      </p>
      <FormErrors message={props.error} details={props.details} />
      <SetUploadForm action="/teach/sets" csrfToken={props.csrfToken} values={props.values} skills={props.skills} withSlug={true} />
    </>
  );
}

/** A question as a student sees it before answering, followed by what they see after. */
function QuestionPreview({ question, documents, total }: { question: QuestionRow; documents: Map<string, DocumentLabel>; total: number }) {
  const content = question.content;
  const publicQuestion = toPublicQuestion(content, question.position, undefined);
  return (
    <article aria-labelledby={`q-${question.position}`}>
      <h3 id={`q-${question.position}`}>
        Question {question.position} of {total}
      </h3>
      <p class="meta">
        {skillLabel(content.skill)} · {content.difficulty} · {content.type.replace("_", " ")}
      </p>
      {content.context ? <RichBlock text={content.context} markup={content.markup} documents={documents} /> : null}
      {content.type === "evidence" ? null : content.passages.map((passage) => <Citation source={passage} label={documents.get(passage.document)} />)}
      <AnswerInputs question={publicQuestion} documents={documents} describedBy={`q-${question.position}`} idPrefix={`p${question.position}-`} disabled />
      <details>
        <summary>After answering: correct answer, feedback, explanation and sources</summary>
        <AnswerReview question={content} optionOrder={undefined} documents={documents} />
        {content.explanation ? (
          <RichBlock text={content.explanation} markup={content.markup} documents={documents} />
        ) : (
          <p class="meta">No explanation: students see none.</p>
        )}
        <MissingFeedback question={content} />
        {content.sources.map((source) => (
          <Citation source={source} label={documents.get(source.document)} />
        ))}
      </details>
    </article>
  );
}

export function SetManagePage(props: {
  set: TeacherSet;
  shownVersion: { version: number; title: string; summary: string; sourcesRequired: boolean; settings: SetSettings; kind: "draft" | "current" } | null;
  questions: QuestionRow[];
  documents: Map<string, DocumentLabel>;
  teacherDocuments: DocumentLabel[];
  /** Item-writing warnings on the shown version: advice, never a block on publishing. */
  warnings: SetWarning[];
  /** What the import of the shown version left out or changed. */
  importNotes: ImportNote[];
  csrfToken: string;
  skills: [string, string][];
  uploadValues: Record<string, string>;
  error?: string;
  details?: ErrorDetail[];
}) {
  const { set, shownVersion, questions } = props;
  const editable = !set.builtIn;
  return (
    <>
      <p class="meta">
        <a href="/teach">Dashboard</a>
      </p>
      <h1>{shownVersion?.title ?? set.slug}</h1>
      <p>{shownVersion?.summary}</p>
      <dl class="meta-list">
        <dt>Status</dt>
        <dd>{setStatus(set)}</dd>
        <dt>Students get</dt>
        <dd>{set.published && set.current ? `version ${set.current.version}` : "nothing yet"}</dd>
        {set.draft ? (
          <>
            <dt>Draft</dt>
            <dd>version {set.draft.version}, not yet published</dd>
          </>
        ) : null}
        <dt>Student link</dt>
        <dd>
          <a href={`/sets/${set.slug}`}>/sets/{set.slug}</a>
        </dd>
        {shownVersion ? <SetSettingsList settings={shownVersion.settings} /> : null}
      </dl>
      {set.builtIn ? <p>This set is part of the built-in library: you can assign it to classes, but not change it.</p> : null}
      {shownVersion ? (
        <p>
          Take it to Moodle: <a href={`/teach/sets/${set.slug}/export?format=gift`}>download as GIFT</a> or{" "}
          <a href={`/teach/sets/${set.slug}/export?format=moodle-xml`}>as Moodle XML</a> (version {shownVersion.version}, with its passages and sources written
          into the questions).
        </p>
      ) : null}
      <FormErrors message={props.error} details={props.details} />
      {editable ? (
        <div class="actions">
          {set.draft || (set.current && !set.published) ? (
            <form method="post" action={`/teach/sets/${set.slug}/publish`}>
              <CsrfField token={props.csrfToken} />
              <button type="submit">Publish {set.draft ? `version ${set.draft.version}` : ""}</button>
            </form>
          ) : null}
          {set.published ? (
            <form method="post" action={`/teach/sets/${set.slug}/unpublish`}>
              <CsrfField token={props.csrfToken} />
              <button type="submit" class="secondary">
                Unpublish
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      {shownVersion && !shownVersion.sourcesRequired ? (
        <section aria-labelledby="no-sources">
          <h2 id="no-sources">This set has no sources</h2>
          <p>
            It was imported without citations, so students will see explanations but no quoted passages. Attach a document and a verbatim quote to each question
            below, or publish it as it is, marked "no sources".
          </p>
        </section>
      ) : null}
      {props.importNotes.length > 0 ? <ImportReport notes={props.importNotes} /> : null}
      <SetWarnings warnings={props.warnings} />
      <h2>Preview{shownVersion ? ` of ${shownVersion.kind === "draft" ? "the draft" : "the published"} version ${shownVersion.version}` : ""}</h2>
      <p>Exactly what students see, question by question. Open "After answering" to check the answers and feedback.</p>
      {questions.map((question) => (
        <>
          <QuestionPreview question={question} documents={props.documents} total={questions.length} />
          {editable && shownVersion && !shownVersion.sourcesRequired ? (
            <AttachSourceForm
              slug={set.slug}
              questionKey={question.key}
              position={question.position}
              documents={props.teacherDocuments}
              csrfToken={props.csrfToken}
            />
          ) : null}
        </>
      ))}
      {editable ? (
        <>
          <h2>Upload a new version</h2>
          <p>Students who already started keep the version they started; new attempts get the new one once you publish it.</p>
          <SetUploadForm
            action={`/teach/sets/${set.slug}/versions`}
            csrfToken={props.csrfToken}
            values={props.uploadValues}
            skills={props.skills}
            withSlug={false}
          />
        </>
      ) : null}
    </>
  );
}

/** The lint's warnings in plain words, each with its fix. The set can be published as it is. */
function SetWarnings({ warnings }: { warnings: SetWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="set-warnings" class="warnings">
      <h2 id="set-warnings">Before you publish: {warnings.length === 1 ? "1 thing" : `${warnings.length} things`} to check</h2>
      <p>
        These can let students answer without reading, or name documents in ways students cannot follow. You can still publish the set as it is; fix what you
        agree with and upload a new version.
      </p>
      <ul>
        {warnings.map((warning) => (
          <li>{warning.message}</li>
        ))}
      </ul>
    </section>
  );
}

function AttachSourceForm({
  slug,
  questionKey,
  position,
  documents,
  csrfToken,
}: {
  slug: string;
  questionKey: string;
  position: number;
  documents: DocumentLabel[];
  csrfToken: string;
}) {
  return (
    <form method="post" action={`/teach/sets/${slug}/sources`} class="attach">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="question" value={questionKey} />
      <fieldset>
        <legend>Attach a source to question {position}</legend>
        <label for={`doc-${position}`}>Document</label>
        <select id={`doc-${position}`} name="document">
          {documents.map((d) => (
            <option value={d.id}>
              {d.id}: {d.title}
            </option>
          ))}
        </select>
        <label for={`quote-${position}`}>Quote (verbatim from the document)</label>
        <textarea id={`quote-${position}`} name="quote" required rows={3} />
        <button type="submit">Attach</button>
      </fieldset>
    </form>
  );
}
