import type { ImportNote } from "../../../content/import/index.ts";
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
import { ImportReport } from "./import-report.tsx";
import { DuplicateForm, SetLifecycleActions } from "./set-actions.tsx";
import { QuestionPreview } from "./set-preview.tsx";
import { SetUploadForm } from "./set-upload.tsx";

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
  /** What the import of the shown version left out or changed. */
  importNotes: ImportNote[];
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
      {content ? (
        <p>
          Take it to Moodle: <a href={`/teach/sets/${set.slug}/export?format=gift`}>download as GIFT</a> or{" "}
          <a href={`/teach/sets/${set.slug}/export?format=moodle-xml`}>as Moodle XML</a> ({isDraft ? "the draft" : "the published version"}, with its passages
          and sources written into the questions).
        </p>
      ) : null}
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
      {props.importNotes.length > 0 ? <ImportReport notes={props.importNotes} /> : null}
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
