import type { Child } from "hono/jsx";
import type { QuestionType } from "../../../../content/skills.ts";
import { type FormValues, type ListName, ONE_KEY, ROW_LIMITS, rowCount, rowIsBlank } from "../../../../teach/editor/question-form.ts";
import { CheckField, FieldError, type FieldErrors, fieldId, SelectField, TextField } from "./fields.tsx";

/**
 * The question form's lists (options, accepted answers, pairs, passages and sources) as plain
 * rows. There is always one blank row to fill in (the script adds more on request); a row's
 * "Remove" box leaves it out when the form is saved.
 */

interface ListProps {
  values: FormValues;
  errors: FieldErrors;
}

/** The fewest rows a list starts with: a new question needs two options or pairs at once. */
const MIN_ROWS: Record<ListName, number> = { options: 2, answers: 1, pairs: 2, passages: 1, sources: 1 };

/** How many rows to show: every row the values have, plus one blank one while there is room. */
export function rowsToShow(values: FormValues, list: ListName, fixed = false): number[] {
  const count = rowCount(values, list);
  const lastBlank = count > 0 && rowIsBlank(values, list, count - 1);
  const total = fixed || lastBlank || count >= ROW_LIMITS[list] ? count : count + 1;
  return Array.from({ length: fixed ? total : Math.max(total, MIN_ROWS[list]) }, (_, i) => i);
}

/** Remove and move buttons for a filled-in row (`filled`: how many rows are filled in). */
function RowActions({ list, index, values, movable }: { list: ListName; index: number; values: FormValues; movable: boolean }) {
  if (rowIsBlank(values, list, index)) return null;
  const filled = (i: number) => i >= 0 && i < rowCount(values, list) && !rowIsBlank(values, list, i);
  return (
    <div class="row-actions">
      <div class="choice">
        <input type="checkbox" id={fieldId(`${list}[${index}].remove`)} name={`${list}[${index}].remove`} value="on" />
        <label for={fieldId(`${list}[${index}].remove`)}>Remove</label>
      </div>
      {movable && filled(index - 1) ? (
        <button type="submit" name="action" value={`up:${list}:${index}`} class="secondary small">
          Move up
        </button>
      ) : null}
      {movable && filled(index + 1) ? (
        <button type="submit" name="action" value={`down:${list}:${index}`} class="secondary small">
          Move down
        </button>
      ) : null}
    </div>
  );
}

function ListFieldset(props: { list: ListName; legend: string; hint?: Child; errors: FieldErrors; errorNames?: string[]; children: Child; addLabel?: string }) {
  return (
    <fieldset id={fieldId(props.list)} class="rows" data-list={props.list}>
      <legend>{props.legend}</legend>
      {props.hint ? <p class="meta">{props.hint}</p> : null}
      {[props.list, ...(props.errorNames ?? [])].map((name) => (
        <FieldError name={name} errors={props.errors} />
      ))}
      {props.children}
      {props.addLabel ? (
        <button type="button" class="secondary small" data-add-row={props.list} hidden>
          {props.addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}

const OPTION_HINTS: Partial<Record<QuestionType, string>> = {
  single: "Tick the correct option. Tick several only if each one is fully correct on its own.",
  multiple: "Tick every option that belongs in the answer; students must choose exactly those.",
  true_false: "Choose which statement is correct, and write feedback for both.",
  claim: 'Options are verdicts on the claim, in a fixed order. "Judges it supported" says whether choosing the option judges the claim supported.',
  evidence: "Each option is a sentence quoted word for word from the question's one passage. Tick the sentences that show it.",
};

export function OptionRows({ type, values, errors }: ListProps & { type: QuestionType }) {
  const fixed = type === "true_false";
  const rows = rowsToShow(values, "options", fixed);
  const oneKey = ONE_KEY.includes(type);
  return (
    <ListFieldset
      list="options"
      legend="Options and the answer key"
      hint={OPTION_HINTS[type]}
      errors={errors}
      errorNames={["answer", ...Array.from({ length: 12 }, (_, i) => `answer[${i}]`)]}
      addLabel={fixed ? undefined : "Add another option"}
    >
      {rows.map((index) => {
        const name = (cell: string) => `options[${index}].${cell}`;
        return (
          <fieldset class="row" id={fieldId(`options[${index}]`)} data-row={index}>
            <legend>Option {index + 1}</legend>
            {fixed ? (
              <>
                <input type="hidden" name={name("id")} value={values[name("id")] ?? ""} />
                <input type="hidden" name={name("text")} value={values[name("text")] ?? ""} />
                <p>
                  <strong>{values[name("text")]}</strong>
                </p>
              </>
            ) : (
              <>
                <TextField name={name("text")} label="Text" values={values} errors={errors} rows={2} maxlength={1000} />
                <TextField name={name("id")} label="Id (short; filled in when empty)" values={values} errors={errors} maxlength={12} class="short" />
              </>
            )}
            {oneKey ? (
              <CheckField
                name="answer"
                type="radio"
                value={String(index)}
                id={fieldId(name("correct"))}
                label="The correct option"
                values={values}
                errors={errors}
              />
            ) : (
              <CheckField name={name("correct")} label="Correct" values={values} errors={errors} />
            )}
            {type === "claim" ? (
              <SelectField
                name={name("supports")}
                label="Judges the claim supported"
                values={values}
                errors={errors}
                options={[
                  ["no", "No"],
                  ["yes", "Yes"],
                ]}
              />
            ) : null}
            <TextField name={name("feedback")} label="Feedback on choosing it" values={values} errors={errors} rows={2} maxlength={2000} />
            {type === "evidence" || fixed ? null : (
              <TextField
                name={name("weight")}
                label="Weight in percent (optional: partial credit; negative is a penalty)"
                values={values}
                errors={errors}
                inputmode="decimal"
                class="short"
              />
            )}
            {fixed ? null : <RowActions list="options" index={index} values={values} movable={type === "claim" || type === "single" || type === "multiple"} />}
          </fieldset>
        );
      })}
    </ListFieldset>
  );
}

export function AnswerRows({ type, values, errors }: ListProps & { type: "short_answer" | "numerical" }) {
  const rows = rowsToShow(values, "answers");
  return (
    <ListFieldset
      list="answers"
      legend="Accepted answers"
      hint={
        type === "numerical"
          ? "Give a value (with an optional tolerance), or a range from min to max. At least one answer is worth 100."
          : "Matched ignoring case (unless case counts) and extra spaces; * matches any run of characters. At least one answer is worth 100."
      }
      errors={errors}
      addLabel="Add another answer"
    >
      {rows.map((index) => {
        const name = (cell: string) => `answers[${index}].${cell}`;
        return (
          <fieldset class="row" id={fieldId(`answers[${index}]`)} data-row={index}>
            <legend>Answer {index + 1}</legend>
            <FieldError name={`answers[${index}]`} errors={errors} />
            {type === "numerical" ? (
              <div class="cells">
                <TextField name={name("value")} label="Value" values={values} errors={errors} inputmode="decimal" class="short" />
                <TextField name={name("tolerance")} label="± tolerance" values={values} errors={errors} inputmode="decimal" class="short" />
                <TextField name={name("min")} label="or min" values={values} errors={errors} inputmode="decimal" class="short" />
                <TextField name={name("max")} label="and max" values={values} errors={errors} inputmode="decimal" class="short" />
              </div>
            ) : (
              <TextField name={name("text")} label="Accepted text" values={values} errors={errors} maxlength={500} />
            )}
            <TextField name={name("weight")} label="Weight in percent (100 when empty)" values={values} errors={errors} inputmode="decimal" class="short" />
            <TextField name={name("feedback")} label="Feedback" values={values} errors={errors} rows={2} maxlength={2000} />
            <RowActions list="answers" index={index} values={values} movable={false} />
          </fieldset>
        );
      })}
    </ListFieldset>
  );
}

export function PairRows({ values, errors }: ListProps) {
  const rows = rowsToShow(values, "pairs");
  return (
    <ListFieldset
      list="pairs"
      legend="Pairs to match"
      hint="Each item is matched with its answer; graded pair by pair."
      errors={errors}
      addLabel="Add another pair"
    >
      {rows.map((index) => {
        const name = (cell: string) => `pairs[${index}].${cell}`;
        return (
          <fieldset class="row" id={fieldId(`pairs[${index}]`)} data-row={index}>
            <legend>Pair {index + 1}</legend>
            <TextField name={name("prompt")} label="Item" values={values} errors={errors} maxlength={500} />
            <TextField name={name("answer")} label="Its match" values={values} errors={errors} maxlength={500} />
            <TextField name={name("id")} label="Id (short; filled in when empty)" values={values} errors={errors} maxlength={12} class="short" />
            <RowActions list="pairs" index={index} values={values} movable={true} />
          </fieldset>
        );
      })}
    </ListFieldset>
  );
}

export function QuoteRows(props: ListProps & { list: "passages" | "sources"; documents: readonly (readonly [string, string])[]; hint: string }) {
  const { list, values, errors } = props;
  const rows = rowsToShow(values, list);
  const label = list === "passages" ? "Passage" : "Source";
  return (
    <ListFieldset
      list={list}
      legend={list === "passages" ? "Passages shown with the question" : "Sources shown after answering"}
      hint={props.hint}
      errors={errors}
      addLabel={`Add another ${label.toLowerCase()}`}
    >
      {rows.map((index) => {
        const name = (cell: string) => `${list}[${index}].${cell}`;
        return (
          <fieldset class="row" id={fieldId(`${list}[${index}]`)} data-row={index}>
            <legend>
              {label} {index + 1}
            </legend>
            <SelectField name={name("document")} label="Document" values={values} errors={errors} options={props.documents} />
            <TextField name={name("quote")} label="Quote, word for word" values={values} errors={errors} rows={3} maxlength={1200} />
            <RowActions list={list} index={index} values={values} movable={true} />
          </fieldset>
        );
      })}
      <button type="submit" name="action" value={`pick:${list}`} class="secondary">
        Save and pick a {label.toLowerCase()} from a document
      </button>
    </ListFieldset>
  );
}
