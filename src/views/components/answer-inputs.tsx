import { CONFIDENCE_LEVELS } from "../../quiz/answer-form.ts";
import { optionLabel } from "../../quiz/order.ts";
import type { PublicQuestion } from "../../quiz/public-question.ts";
import { documentName } from "./passages.tsx";
import { type DocumentLabels, plainText, RichText } from "./rich-text.tsx";

const HINTS: Record<PublicQuestion["type"], string> = {
  single: "Choose one answer.",
  true_false: "Choose true or false.",
  claim: "Choose the judgement the texts support.",
  multiple: "Select every answer that applies.",
  evidence: "Tap or tick every sentence that shows it.",
  short_answer: "Type a short answer.",
  numerical: "Type a number.",
  matching: "Choose a match for each item.",
  essay: "Write your answer. Your teacher reads it; it is not scored.",
  description: "Read this, then continue.",
};

/** The answer controls for one question: plain form fields that work without JavaScript. */
export function AnswerInputs({
  question,
  documents,
  describedBy,
  idPrefix = "",
  disabled = false,
  labelledBy,
}: {
  question: PublicQuestion;
  documents: DocumentLabels;
  describedBy: string;
  /** The id of the prompt shown above the passages; without it, the prompt is the legend. */
  labelledBy?: string;
  /** Keeps ids unique where several questions share a page (a teacher's preview). */
  idPrefix?: string;
  /** A preview: shown as students see it, but not answerable. */
  disabled?: boolean;
}) {
  const legend = labelledBy ? null : (
    <legend>
      <RichText text={question.prompt} markup={question.markup} documents={documents} />
    </legend>
  );
  const group = { "aria-labelledby": labelledBy, "aria-describedby": describedBy, disabled };
  const hint = (
    <p class="meta" id={`${idPrefix}answer-hint`}>
      {HINTS[question.type]}
    </p>
  );
  switch (question.type) {
    case "single":
    case "true_false":
    case "claim":
    case "multiple": {
      const inputType = question.type === "multiple" ? "checkbox" : "radio";
      return (
        <fieldset {...group}>
          {legend}
          {hint}
          {question.options.map((option, index) => (
            <div class="choice">
              <input type={inputType} id={`${idPrefix}choice-${option.id}`} name="choice" value={option.id} required={inputType === "radio"} />
              <label for={`${idPrefix}choice-${option.id}`}>
                <span class="letter" aria-hidden="true">
                  {optionLabel(index)}
                </span>
                <RichText text={option.text} markup={question.markup} documents={documents} />
              </label>
            </div>
          ))}
        </fieldset>
      );
    }
    case "evidence":
      return (
        <fieldset {...group} class="sentences">
          {legend}
          {hint}
          <p class="meta">
            From <strong>{documentName(documents.get(question.passages[0]?.document ?? ""))}</strong>
          </p>
          <p>
            {question.options.map((option) => (
              <span class="sentence">
                <input type="checkbox" id={`${idPrefix}choice-${option.id}`} name="choice" value={option.id} />
                <label for={`${idPrefix}choice-${option.id}`}>{option.text}</label>{" "}
              </span>
            ))}
          </p>
        </fieldset>
      );
    case "short_answer":
    case "numerical":
      return (
        <fieldset {...group}>
          {legend}
          {hint}
          <label for={`${idPrefix}answer-text`}>Your answer</label>
          {question.type === "numerical" ? (
            <input type="text" id={`${idPrefix}answer-text`} name="number" inputmode="decimal" autocomplete="off" required maxlength={60} />
          ) : (
            <input type="text" id={`${idPrefix}answer-text`} name="text" autocomplete="off" required maxlength={500} />
          )}
        </fieldset>
      );
    case "essay":
      return (
        <fieldset {...group}>
          {legend}
          {hint}
          <label for={`${idPrefix}answer-text`}>Your answer</label>
          <textarea id={`${idPrefix}answer-text`} name="text" required maxlength={2000} />
        </fieldset>
      );
    case "matching":
      return (
        <fieldset {...group}>
          {legend}
          {hint}
          {question.pairs.map((pair) => (
            <div class="match">
              <label for={`${idPrefix}match-${pair.id}`}>
                <RichText text={pair.prompt} markup={question.markup} documents={documents} />
              </label>
              <select id={`${idPrefix}match-${pair.id}`} name={`match-${pair.id}`} required>
                <option value="">Choose…</option>
                {question.choices.map((choice) => (
                  <option value={choice.id}>{plainText(choice.text, documents)}</option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      );
    default:
      return <input type="hidden" name="seen" value="1" />;
  }
}

/** "How sure are you?", asked before the answer is checked when the set turns it on. */
export function ConfidenceInput() {
  return (
    <fieldset class="confidence">
      <legend>How sure are you?</legend>
      {CONFIDENCE_LEVELS.map((level) => (
        <div class="choice">
          <input type="radio" id={`confidence-${level.value}`} name="confidence" value={String(level.value)} required />
          <label for={`confidence-${level.value}`}>{level.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
