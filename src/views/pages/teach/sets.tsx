import type { QuestionSet } from "../../../content/schema.ts";
import { setSettings } from "../../../db/library-sync.ts";
import type { TeacherDocumentListing } from "../../../db/queries/teacher-documents.ts";
import type { TeacherSet } from "../../../db/queries/teacher-sets.ts";
import type { ErrorDetail } from "../../../lib/errors.ts";
import type { SetWarning } from "../../../teach/set-warnings.ts";
import { CsrfField } from "../../components/csrf.tsx";
import { FormErrors } from "../../components/form-errors.tsx";
import type { DocumentLabels } from "../../components/rich-text.tsx";
import { SetSettingsList } from "../../components/set-settings.tsx";
import { HELP } from "./help/links.ts";
import { DuplicateForm, SetLifecycleActions } from "./set-actions.tsx";
import { QuestionPreview } from "./set-preview.tsx";

export function setStatus(set: Pick<TeacherSet, "published" | "archived" | "current" | "draft">): string {
  if (set.archived) return "archived";
  const edits = set.draft && set.current ? ", with unpublished changes" : "";
  if (set.published) return `published${edits}`;
  if (set.current) return `unpublished${edits}`;
  return "draft";
}

export function SetsTable({ sets }: { sets: TeacherSet[] }) {
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

export const FORMAT_LABELS = { auto: "Detect from the file or text", sourcewise: "Sourcewise YAML or JSON", gift: "Moodle GIFT", aiken: "Aiken" } as const;

export function SetUploadForm(props: {
  action: string;
  csrfToken: string;
  values: Record<string, string>;
  skills: [string, string][];
  withSlug: boolean;
  /** The draft revision the page showed: an upload from a stale page is refused. */
  revision?: number;
}) {
  const { values } = props;
  return (
    <form method="post" action={props.action} enctype="multipart/form-data">
      <CsrfField token={props.csrfToken} />
      {props.revision !== undefined ? <input type="hidden" name="revision" value={String(props.revision)} /> : null}
      {props.withSlug ? (
        <>
          <label for="slug">Slug (the set's name in your account: lower-case letters, digits and hyphens)</label>
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
        The formats are described in the <a href={HELP.format}>format reference</a>.
      </p>
      <label for="file">Upload a file (at most 256 KB)</label>
      <input type="file" id="file" name="file" accept=".yaml,.yml,.json,.gift,.txt" />
      <label for="content">…or paste the set</label>
      <textarea id="content" name="content" spellcheck={false}>
        {values.content ?? ""}
      </textarea>
      <fieldset>
        <legend>For GIFT and Aiken only (those formats carry no title or skills)</legend>
        {props.withSlug ? null : (
          <p class="meta">Leave these empty to keep the set's title and summary, and each matching question's skill, difficulty, passages and sources.</p>
        )}
        <label for="title">Title</label>
        <input type="text" id="title" name="title" maxlength={140} value={values.title ?? ""} />
        <label for="summary">Summary</label>
        <input type="text" id="summary" name="summary" maxlength={600} value={values.summary ?? ""} />
        <label for="skill">Skill {props.withSlug ? "every question" : "new questions"} practise</label>
        <select id="skill" name="skill">
          <option value="">{props.withSlug ? "Evidence present or absent (the default)" : "Keep the set's most common skill"}</option>
          {props.skills.map(([id, label]) => (
            <option value={id} selected={values.skill === id}>
              {label}
            </option>
          ))}
        </select>
        <label for="difficulty">Difficulty</label>
        <select id="difficulty" name="difficulty">
          <option value="">{props.withSlug ? "medium (the default)" : "Keep the set's most common difficulty"}</option>
          {["easy", "medium", "hard"].map((d) => (
            <option value={d} selected={values.difficulty === d}>
              {d}
            </option>
          ))}
        </select>
      </fieldset>
      <button type="submit">Check and preview</button>
    </form>
  );
}

export function NewSetPage(props: {
  csrfToken: string;
  values: Record<string, string>;
  skills: [string, string][];
  /** Which form the error belongs to. */
  failed?: "blank" | "upload";
  error?: string;
  details?: ErrorDetail[];
}) {
  const errorsFor = (form: "blank" | "upload") => (props.failed === form ? <FormErrors message={props.error} details={props.details} /> : null);
  const blank = props.failed === "blank" ? props.values : {};
  return (
    <>
      <h1>Add a question set</h1>
      <p>
        Write a set in the browser, or upload one in the Sourcewise format, Moodle GIFT or Aiken. Either way, nothing reaches students until you publish it. New
        to this? Read the <a href={HELP.guide}>teacher guide</a>.
      </p>
      <h2>Start from scratch</h2>
      {errorsFor("blank")}
      <form method="post" action="/teach/sets/blank">
        <CsrfField token={props.csrfToken} />
        <label for="blank-slug">Slug (the set's name in your account: lower-case letters, digits and hyphens)</label>
        <input type="text" id="blank-slug" name="slug" required pattern="[a-z0-9][a-z0-9\-]{0,63}" value={blank.slug ?? ""} />
        <label for="blank-title">Title</label>
        <input type="text" id="blank-title" name="title" required maxlength={140} value={blank.title ?? ""} />
        <label for="blank-summary">Summary (one or two sentences students see under the title)</label>
        <input type="text" id="blank-summary" name="summary" required maxlength={600} value={blank.summary ?? ""} />
        <button type="submit">Create and open the editor</button>
      </form>
      <h2>Upload or paste a set</h2>
      <p>Nothing is saved until the set passes every check; then you see a preview, exactly as students will, before you publish.</p>
      {errorsFor("upload")}
      <SetUploadForm
        action="/teach/sets"
        csrfToken={props.csrfToken}
        values={props.failed === "upload" ? props.values : {}}
        skills={props.skills}
        withSlug={true}
      />
    </>
  );
}

export interface SetPageProps {
  set: TeacherSet;
  content: QuestionSet | undefined;
  isDraft: boolean;
  revision: number;
  documents: DocumentLabels;
  teacherDocuments: TeacherDocumentListing;
  /** What the draft changes compared with the published version. */
  changes: string[];
  /** Item-writing warnings on the content shown: advice, never a block on publishing. */
  warnings: SetWarning[];
  csrfToken: string;
  skills: [string, string][];
  /** What the teacher typed into a form that was refused. */
  uploadValues: Record<string, string>;
  duplicateValues: Record<string, string>;
  studentUrl: string;
  error?: string;
  details?: ErrorDetail[];
}

export function SetManagePage(props: SetPageProps) {
  const { set, content, isDraft } = props;
  const editable = !set.builtIn;
  const questions = content?.questions ?? [];
  return (
    <>
      <p class="meta">
        <a href="/teach">Dashboard</a>
      </p>
      <h1>{content?.title ?? set.slug}</h1>
      <p>{content?.summary}</p>
      <dl class="meta-list">
        <dt>Status</dt>
        <dd>{setStatus(set)}</dd>
        <dt>Students get</dt>
        <dd>{set.published && set.current ? `version ${set.current.version}` : "nothing yet"}</dd>
        {set.draft ? (
          <>
            <dt>Draft</dt>
            <dd>becomes version {set.draft.version} when you publish it</dd>
          </>
        ) : null}
        <dt>Student link</dt>
        <dd>
          <a href={`/sets/${set.publicSlug}`}>{props.studentUrl}</a>
        </dd>
        {content ? <SetSettingsList settings={setSettings(content)} /> : null}
      </dl>
      {set.builtIn ? <p>This set is part of the built-in library: you can assign it to classes, or duplicate it to get a copy you can edit.</p> : null}
      <FormErrors message={props.error} details={props.details} />
      {editable ? <SetLifecycleActions set={set} revision={props.revision} csrfToken={props.csrfToken} /> : null}
      {isDraft && props.changes.length > 0 ? (
        <section aria-labelledby="changes">
          <h2 id="changes">{set.current ? `Unpublished changes since version ${set.current.version}` : "Not yet published"}</h2>
          <ul>
            {props.changes.map((change) => (
              <li>{change}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {content && content.sources === "none" && editable ? (
        <section aria-labelledby="no-sources">
          <h2 id="no-sources">This set has no sources</h2>
          <p>
            It was imported without citations, so students will see explanations but no quoted passages. Attach a document and a verbatim quote to each question
            below (or pick quotes from the documents in the <a href={`/teach/sets/${set.slug}/edit`}>editor</a>), or publish it as it is, marked "no sources".
          </p>
        </section>
      ) : null}
      <SetWarnings warnings={props.warnings} editable={editable} slug={set.slug} />
      <h2>Preview{set.current || isDraft ? ` of ${isDraft ? "the draft" : `the published version ${set.current?.version ?? ""}`}` : ""}</h2>
      <p>Exactly what students see, question by question. Open "After answering" to check the answers and feedback.</p>
      {questions.length === 0 ? <p>No questions yet.</p> : null}
      {questions.map((question, index) => (
        <>
          <QuestionPreview question={question} position={index + 1} documents={props.documents} total={questions.length} />
          {editable && content?.sources === "none" ? (
            <AttachSourceForm
              slug={set.slug}
              questionKey={question.id}
              position={index + 1}
              revision={props.revision}
              documents={props.teacherDocuments}
              csrfToken={props.csrfToken}
            />
          ) : null}
        </>
      ))}
      <DuplicateForm set={set} csrfToken={props.csrfToken} values={props.duplicateValues} />
      {editable && !set.archived ? (
        <>
          <h2>Upload a new version</h2>
          <p>
            The upload replaces the draft; students who already started keep the version they started, and new attempts get the new one once you publish it.
          </p>
          <SetUploadForm
            action={`/teach/sets/${set.slug}/versions`}
            csrfToken={props.csrfToken}
            values={props.uploadValues}
            skills={props.skills}
            withSlug={false}
            revision={props.revision}
          />
        </>
      ) : null}
    </>
  );
}

/** The lint's warnings in plain words, each with its fix. The set can be published as it is. */
function SetWarnings({ warnings, editable, slug }: { warnings: SetWarning[]; editable: boolean; slug: string }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="set-warnings" class="warnings">
      <h2 id="set-warnings">Before you publish: {warnings.length === 1 ? "1 thing" : `${warnings.length} things`} to check</h2>
      <p>
        These can let students answer without reading, or name documents in ways students cannot follow. You can still publish the set as it is; fix what you
        agree with {editable ? <a href={`/teach/sets/${slug}/edit`}>in the editor</a> : null} or upload a new version.
      </p>
      <ul>
        {warnings.map((warning) => (
          <li>{warning.message}</li>
        ))}
      </ul>
    </section>
  );
}

function AttachSourceForm(props: {
  slug: string;
  questionKey: string;
  position: number;
  revision: number;
  documents: TeacherDocumentListing;
  csrfToken: string;
}) {
  const { position } = props;
  return (
    <form method="post" action={`/teach/sets/${props.slug}/sources`} class="attach">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="question" value={props.questionKey} />
      <input type="hidden" name="revision" value={String(props.revision)} />
      <fieldset>
        <legend>Attach a source to question {position}</legend>
        <label for={`doc-${position}`}>Document</label>
        <select id={`doc-${position}`} name="document">
          {props.documents.map((d) => (
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
