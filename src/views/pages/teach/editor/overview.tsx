import type { QuestionSet } from "../../../../content/schema.ts";
import { QUESTION_TYPES, skillLabel } from "../../../../content/skills.ts";
import type { TeacherSet } from "../../../../db/queries/teacher-sets.ts";
import type { ErrorDetail } from "../../../../lib/errors.ts";
import type { FormValues } from "../../../../teach/editor/question-form.ts";
import { type DraftWarning, warningsFor } from "../../../../teach/editor/warnings.ts";
import { CsrfField } from "../../../components/csrf.tsx";
import { HELP } from "../help/links.ts";
import { EditorAssets } from "./assets.tsx";
import { ErrorSummary, errorsByField, fieldId } from "./fields.tsx";
import { TYPE_NAMES } from "./question-page.tsx";
import { SettingsForm } from "./settings-form.tsx";

export interface EditorOverviewProps {
  set: TeacherSet;
  content: QuestionSet;
  isDraft: boolean;
  revision: number;
  settingsValues: FormValues;
  /** Why the settings form was refused, by field. */
  settingsDetails?: ErrorDetail[];
  /** Why the draft cannot be published yet (empty: it can). */
  problems: ErrorDetail[];
  warnings: DraftWarning[];
  csrfToken: string;
  error?: string;
  notice?: string;
}

/** Plain words for a publishing problem's place: "Question 3, sources". */
function placeOf(path: string | undefined, content: QuestionSet, base: string): { text: string; href?: string } {
  const match = /^questions\[(\d+)\]\.?(.*)$/.exec(path ?? "");
  const question = match ? content.questions[Number(match[1])] : undefined;
  if (!match || !question) return { text: path ? path : "The set" };
  const field = match[2] ?? "";
  return { text: `Question ${Number(match[1]) + 1}${field ? `, ${field}` : ""}`, href: `${base}/questions/${question.id}${field ? `#${fieldId(field)}` : ""}` };
}

function PostButton(props: {
  action: string;
  label: string;
  revision: number;
  csrfToken: string;
  name?: string;
  value?: string;
  confirm?: string;
  class?: string;
}) {
  return (
    <form method="post" action={props.action} data-confirm={props.confirm}>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="revision" value={String(props.revision)} />
      <button type="submit" name={props.name} value={props.value} class={props.class ?? "secondary small"}>
        {props.label}
      </button>
    </form>
  );
}

export function EditorOverviewPage(props: EditorOverviewProps) {
  const { set, content, revision, csrfToken } = props;
  const base = `/teach/sets/${set.slug}/edit`;
  const total = content.questions.length;
  return (
    <>
      <EditorAssets />
      <p class="meta">
        <a href={`/teach/sets/${set.slug}`}>Set page: preview and publish</a> · <a href={HELP.guide}>Teacher guide</a>
      </p>
      <h1>Edit: {content.title}</h1>
      <p>
        Every save changes this set's one draft. Students keep seeing the published version until you publish: however many saves you make, publishing adds one
        new version.
      </p>
      {props.notice ? (
        <p role="status" class="result ok" id="saved">
          {props.notice}
        </p>
      ) : null}
      {props.error ? <ErrorSummary message={props.error} errors={new Map()} known={() => false} /> : null}
      <section aria-labelledby="publish-heading">
        <h2 id="publish-heading">{props.isDraft ? "Publishing" : "No unpublished changes"}</h2>
        {props.isDraft && props.problems.length > 0 ? (
          <>
            <p>Before this draft can be published:</p>
            <ul class="problems">
              {props.problems.map((problem) => {
                const place = placeOf(problem.path, content, base);
                return (
                  <li>
                    {place.href ? <a href={place.href}>{place.text}</a> : place.text}: {problem.message}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        {props.isDraft && props.problems.length === 0 ? (
          <form method="post" action={`/teach/sets/${set.slug}/publish`}>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="revision" value={String(revision)} />
            <button type="submit">Publish version {set.draft?.version ?? 1}</button>
          </form>
        ) : null}
        {props.warnings.length > 0 ? (
          <details class="warnings">
            <summary>
              {props.warnings.length} thing{props.warnings.length === 1 ? "" : "s"} worth checking (advice; you can still publish)
            </summary>
            <ul>
              {props.warnings.map((w) => (
                <li>{w.message}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      <h2 id="questions-heading">Questions</h2>
      {total === 0 ? <p>No questions yet: add the first one below.</p> : null}
      <ol class="editor-questions" aria-labelledby="questions-heading">
        {content.questions.map((question, index) => (
          <li id={`question-${question.id}`}>
            <p>
              <a href={`${base}/questions/${question.id}`}>{excerpt(question.prompt)}</a>
            </p>
            <p class="meta">
              {TYPE_NAMES[question.type]} · {skillLabel(question.skill)} · {question.difficulty} · {question.sources.length} source
              {question.sources.length === 1 ? "" : "s"} · id {question.id}
              {warningsFor(props.warnings, index).length > 0 ? " · has advice" : ""}
            </p>
            <div class="actions compact">
              {index > 0 ? (
                <PostButton action={`${base}/questions/${question.id}/move`} name="to" value="up" label="Move up" revision={revision} csrfToken={csrfToken} />
              ) : null}
              {index < total - 1 ? (
                <PostButton
                  action={`${base}/questions/${question.id}/move`}
                  name="to"
                  value="down"
                  label="Move down"
                  revision={revision}
                  csrfToken={csrfToken}
                />
              ) : null}
              <PostButton action={`${base}/questions/${question.id}/duplicate`} label="Duplicate" revision={revision} csrfToken={csrfToken} />
              <PostButton
                action={`${base}/questions/${question.id}/delete`}
                label="Delete"
                revision={revision}
                csrfToken={csrfToken}
                confirm={`Delete question ${index + 1} from the draft?`}
              />
            </div>
          </li>
        ))}
      </ol>
      <form method="get" action={`${base}/add`} class="add-question">
        <label for="new-type">Add a question of type</label>
        <select id="new-type" name="type">
          {QUESTION_TYPES.map((type) => (
            <option value={type}>{TYPE_NAMES[type]}</option>
          ))}
        </select>
        <button type="submit">Add a question</button>
      </form>
      <SettingsForm
        action={`${base}/settings`}
        values={props.settingsValues}
        errors={errorsByField(props.settingsDetails ?? [])}
        revision={revision}
        csrfToken={csrfToken}
        skills={content.skills}
        documents={content.documents}
      />
    </>
  );
}

function excerpt(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > 140 ? `${plain.slice(0, 139)}…` : plain || "(no prompt)";
}
