import type { Question } from "../../../../content/schema.ts";
import { DIFFICULTIES, type QuestionType } from "../../../../content/skills.ts";
import type { TeacherDocumentListing } from "../../../../db/queries/teacher-documents.ts";
import type { ErrorDetail } from "../../../../lib/errors.ts";
import { SWITCHABLE } from "../../../../teach/editor/edit.ts";
import type { FormValues } from "../../../../teach/editor/question-form.ts";
import type { DraftWarning } from "../../../../teach/editor/warnings.ts";
import { CsrfField } from "../../../components/csrf.tsx";
import { HELP } from "../help/links.ts";
import { EditorAssets } from "./assets.tsx";
import { CheckField, ErrorSummary, errorsByField, SelectField, TextField } from "./fields.tsx";
import { AnswerRows, OptionRows, PairRows, QuoteRows } from "./list-fields.tsx";

export const TYPE_NAMES: Record<QuestionType, string> = {
  single: "Single choice",
  multiple: "Multiple select",
  true_false: "True or false",
  claim: "Claim judgement",
  evidence: "Evidence selection",
  short_answer: "Short answer",
  numerical: "Number",
  matching: "Matching",
  essay: "Essay (not scored)",
  description: "Text only (not scored)",
};

export interface QuestionPageProps {
  slug: string;
  setTitle: string;
  /** The question as stored; undefined for a new question. */
  stored: Question | undefined;
  position: number;
  type: QuestionType;
  values: FormValues;
  revision: number;
  skills: [string, string][];
  documents: TeacherDocumentListing;
  warnings: DraftWarning[];
  csrfToken: string;
  saved?: boolean;
  error?: string;
  details?: ErrorDetail[];
}

/** One question's every field, as a plain form; the script only adds rows and keeps focus. */
export function QuestionEditPage(props: QuestionPageProps) {
  const { values, type } = props;
  const errors = errorsByField(props.details ?? []);
  const action = props.stored ? `/teach/sets/${props.slug}/edit/questions/${props.stored.id}` : `/teach/sets/${props.slug}/edit/add`;
  const documentChoices = props.documents.map((d) => [d.id, `${d.label || d.title} (${d.id}${d.ownerId ? ", yours" : ""})`] as const);
  const markup = props.stored?.markup ?? "text";
  return (
    <>
      <EditorAssets />
      <p class="meta">
        <a href={`/teach/sets/${props.slug}/edit`}>Editor: {props.setTitle}</a>
      </p>
      <h1>{props.stored ? `Question ${props.position}: ${props.stored.id}` : `New question: ${TYPE_NAMES[type].toLowerCase()}`}</h1>
      {props.saved ? (
        <p role="status" class="result ok" id="saved">
          Saved to the draft. Students see it once you publish the set.
        </p>
      ) : null}
      <ErrorSummary message={props.error} errors={errors} known={() => true} />
      {props.warnings.length > 0 ? (
        <section class="warnings" aria-labelledby="question-warnings">
          <h2 id="question-warnings">Worth checking</h2>
          <ul>
            {props.warnings.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <form method="post" action={action} class="editor" data-guard-changes>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="revision" value={String(props.revision)} />
        {SWITCHABLE.includes(type) && props.stored ? (
          <SelectField name="type" label="Type" values={values} errors={errors} options={SWITCHABLE.map((t) => [t, TYPE_NAMES[t]] as const)} />
        ) : (
          <input type="hidden" name="type" value={type} />
        )}
        <div class="cells">
          <SelectField name="skill" label="Skill" values={values} errors={errors} options={props.skills} />
          <SelectField name="difficulty" label="Difficulty" values={values} errors={errors} options={DIFFICULTIES.map((d) => [d, d] as const)} />
        </div>
        <TextField
          name="id"
          label="Question id"
          hint="Stays the same across versions, so results line up. Lower-case letters, digits and hyphens; made from the prompt when left empty."
          values={values}
          errors={errors}
          maxlength={64}
        />
        {markup === "html" ? (
          <p class="meta" id="markup-note">
            Markup: HTML (imported). The text fields below hold HTML; it is cleaned with an allow-list when saved. This cannot be changed here.
          </p>
        ) : null}
        <TextField
          name="prompt"
          label={type === "description" ? "Text" : "Prompt"}
          hint="Name documents as students see them: [[002]] for a document, [[002#4]] for its fourth paragraph."
          values={values}
          errors={errors}
          rows={3}
          required
          maxlength={3000}
        />
        <TextField name="context" label="Context (optional: a paragraph shown before the prompt)" values={values} errors={errors} rows={2} maxlength={4000} />
        {type === "claim" ? <TextField name="claim" label="The claim to judge" values={values} errors={errors} rows={2} maxlength={1000} /> : null}
        <QuoteRows
          list="passages"
          values={values}
          errors={errors}
          documents={documentChoices}
          hint={
            type === "evidence" ? "Exactly one passage: the text whose sentences are the options." : "Up to three, shown with the question before answering."
          }
        />
        {type === "single" || type === "multiple" || type === "true_false" || type === "claim" || type === "evidence" ? (
          <OptionRows type={type} values={values} errors={errors} />
        ) : null}
        {type === "single" || type === "multiple" || type === "claim" ? (
          <CheckField
            name="shuffle"
            label="Shuffle the options for each student (leave off where their order means something)"
            values={values}
            errors={errors}
          />
        ) : null}
        {type === "short_answer" || type === "numerical" ? <AnswerRows type={type} values={values} errors={errors} /> : null}
        {type === "short_answer" ? <CheckField name="caseSensitive" label="Upper and lower case count" values={values} errors={errors} /> : null}
        {type === "matching" ? (
          <>
            <PairRows values={values} errors={errors} />
            <TextField name="distractors" label="Extra answers that match no item (one per line, optional)" values={values} errors={errors} rows={3} />
          </>
        ) : null}
        <TextField name="explanation" label="Explanation (shown after answering)" values={values} errors={errors} rows={3} maxlength={4000} />
        <QuoteRows
          list="sources"
          values={values}
          errors={errors}
          documents={documentChoices}
          hint="The verbatim quotes that show the answer, linked to the reader. Every scored question needs one unless the set is marked “no sources”."
        />
        <div class="actions">
          <button type="submit" name="action" value="save">
            {props.stored ? "Save question" : "Add question"}
          </button>
          <a href={`/teach/sets/${props.slug}/edit`}>Back to the editor</a>
          <a href={HELP.format}>Format reference</a>
        </div>
      </form>
    </>
  );
}
