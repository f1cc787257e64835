import { skillLabel } from "../../../../content/skills.ts";
import type { FormValues } from "../../../../teach/editor/question-form.ts";
import { CsrfField } from "../../../components/csrf.tsx";
import { CheckField, ErrorSummary, FieldError, type FieldErrors, TextField } from "./fields.tsx";

/** The set's title, summary and settings (mode, shuffling, confidence, attempts, parallel form). */
export function SettingsForm(props: {
  action: string;
  values: FormValues;
  errors: FieldErrors;
  revision: number;
  csrfToken: string;
  skills: readonly string[];
  documents: readonly string[];
}) {
  const { values, errors } = props;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Title, summary and settings</h2>
      {errors.size > 0 ? <ErrorSummary message="The settings were not saved." errors={errors} known={() => true} /> : null}
      <form method="post" action={props.action} id="settings" data-guard-changes>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="revision" value={String(props.revision)} />
        <TextField name="title" label="Title" values={values} errors={errors} required maxlength={140} />
        <TextField name="summary" label="Summary (shown to students under the title)" values={values} errors={errors} rows={2} required maxlength={600} />
        <fieldset id="f-mode">
          <legend>Mode</legend>
          <CheckField
            name="mode"
            type="radio"
            value="practice"
            id="f-mode-practice"
            label="Practice: feedback after every answer"
            values={values}
            errors={errors}
          />
          <CheckField
            name="mode"
            type="radio"
            value="check"
            id="f-mode-check"
            label="Check (before and after teaching): no verdict or feedback until the end, shuffled questions, one attempt unless you allow more"
            values={values}
            errors={errors}
          />
          <FieldError name="mode" errors={errors} />
        </fieldset>
        <CheckField name="shuffleQuestions" label="Shuffle the question order for each student (always on for checks)" values={values} errors={errors} />
        <CheckField
          name="confidence"
          label='Ask how sure students are ("guessing", "fairly sure", "certain") before each answer'
          values={values}
          errors={errors}
        />
        <CheckField name="certaintyMarking" label="Certainty-based marking, as in Moodle (needs the question above)" values={values} errors={errors} />
        <TextField
          name="attempts"
          label="Attempts each student may start (empty: no limit; a check allows 1)"
          values={values}
          errors={errors}
          inputmode="numeric"
          class="short"
        />
        <fieldset id="f-sources">
          <legend>Sources</legend>
          <CheckField
            name="sources"
            type="radio"
            value="required"
            id="f-sources-required"
            label="Every scored question needs a source quote"
            values={values}
            errors={errors}
          />
          <CheckField
            name="sources"
            type="radio"
            value="none"
            id="f-sources-none"
            label='No sources: the set is marked "no sources" for students'
            values={values}
            errors={errors}
          />
          <FieldError name="sources" errors={errors} />
        </fieldset>
        <fieldset>
          <legend>Parallel forms of one check (optional)</legend>
          <p class="meta">Give two checks the same group and different letters (A, B) to use one before teaching and one after.</p>
          <TextField name="formGroup" label="Group" values={values} errors={errors} maxlength={64} class="short" />
          <TextField name="formLetter" label="Form letter" values={values} errors={errors} maxlength={1} class="short" />
        </fieldset>
        <p class="meta">
          Skills (from the questions): {props.skills.length > 0 ? props.skills.map(skillLabel).join("; ") : "none yet"}. Documents (from the quotes and
          references): {props.documents.length > 0 ? props.documents.join(", ") : "none yet"}.
        </p>
        <button type="submit">Save title and settings</button>
      </form>
    </section>
  );
}
