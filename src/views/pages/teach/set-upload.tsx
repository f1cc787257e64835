import type { ErrorDetail } from "../../../lib/errors.ts";
import { CsrfField } from "../../components/csrf.tsx";
import { FormErrors } from "../../components/form-errors.tsx";
import { HELP } from "./help/links.ts";

/** Adding a set (from scratch or by upload) and uploading a new version of one. */

export const FORMAT_LABELS = {
  auto: "Detect from the file or text",
  sourcewise: "Sourcewise YAML or JSON",
  gift: "Moodle GIFT",
  "moodle-xml": "Moodle XML",
  aiken: "Aiken",
} as const;

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
        <a href={HELP.moodleFormats}>What each format can hold</a>: every GIFT construct, Moodle XML and Aiken, with examples. The Sourcewise format is in the{" "}
        <a href={HELP.format}>format reference</a>.
      </p>
      <label for="file">Upload a file (at most 256 KB)</label>
      <input type="file" id="file" name="file" accept=".yaml,.yml,.json,.gift,.txt,.xml" />
      <label for="content">…or paste the set</label>
      <textarea id="content" name="content" spellcheck={false}>
        {values.content ?? ""}
      </textarea>
      <fieldset>
        <legend>For GIFT, Moodle XML and Aiken only (those formats carry no skills)</legend>
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
        Write a set in the browser, or upload one in the Sourcewise format, Moodle GIFT, Moodle XML or Aiken (a Moodle file imports every question it can, and
        each question left out or changed is listed with its line). Either way, nothing reaches students until you publish it. New to this? Read the{" "}
        <a href={HELP.guide}>teacher guide</a>.
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
