import type { DocumentLabel } from "../../db/queries/documents.ts";
import type { QuestionRow } from "../../db/schema.ts";
import type { PublicQuestion } from "../../quiz/public-question.ts";
import { Citation } from "../components/citation.tsx";
import { CsrfField } from "../components/csrf.tsx";

interface Progress {
  attemptId: string;
  setTitle: string;
  position: number;
  questionCount: number;
}

function QuestionHeader({ progress, question, documents }: { progress: Progress; question: PublicQuestion; documents: Map<string, DocumentLabel> }) {
  return (
    <>
      <p class="meta">{progress.setTitle}</p>
      <h1>
        Question {progress.position} of {progress.questionCount}
      </h1>
      {question.context ? <p>{question.context}</p> : null}
      {question.passages.length > 0 ? (
        <section aria-label={question.passages.length > 1 ? "Passages to compare" : "Passage"}>
          {question.passages.map((passage, index) => (
            <Citation source={passage} label={documents.get(passage.document)} caption={question.passages.length > 1 ? `Passage ${index + 1}` : undefined} />
          ))}
        </section>
      ) : null}
    </>
  );
}

const HINTS: Record<PublicQuestion["type"], string> = {
  single: "Choose one answer.",
  true_false: "Choose true or false.",
  multiple: "Select every answer that applies.",
};

/** An unanswered question: only public fields are available here. */
export function QuestionPage({
  progress,
  question,
  documents,
  csrfToken,
  error,
}: {
  progress: Progress;
  question: PublicQuestion;
  documents: Map<string, DocumentLabel>;
  csrfToken: string;
  error?: string;
}) {
  const inputType = question.type === "multiple" ? "checkbox" : "radio";
  return (
    <>
      <QuestionHeader progress={progress} question={question} documents={documents} />
      <form method="post" action={`/attempts/${progress.attemptId}/questions/${progress.position}`}>
        <CsrfField token={csrfToken} />
        {error ? (
          <p class="error" role="alert" id="answer-error">
            {error}
          </p>
        ) : null}
        <fieldset aria-describedby={error ? "answer-hint answer-error" : "answer-hint"}>
          <legend>{question.prompt}</legend>
          <p class="meta" id="answer-hint">
            {HINTS[question.type]}
          </p>
          {question.options.map((option) => (
            <div class="choice">
              <input type={inputType} id={`choice-${option.id}`} name="choice" value={option.id} required={inputType === "radio"} />
              <label for={`choice-${option.id}`}>{option.text}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">Check answer</button>
      </form>
    </>
  );
}

function optionText(question: QuestionRow, ids: readonly string[]): string {
  return question.options
    .filter((o) => ids.includes(o.id))
    .map((o) => o.text)
    .join("; ");
}

/** An answered question: the verdict, feedback on what was chosen, the explanation and the sources. */
export function FeedbackPage({
  progress,
  question,
  publicQuestion,
  response,
  documents,
  nextHref,
  alreadyAnswered,
}: {
  progress: Progress;
  question: QuestionRow;
  publicQuestion: PublicQuestion;
  response: { chosen: string[]; isCorrect: boolean };
  documents: Map<string, DocumentLabel>;
  nextHref: { href: string; label: string };
  alreadyAnswered: boolean;
}) {
  const chosen = question.options.filter((o) => response.chosen.includes(o.id));
  return (
    <>
      <QuestionHeader progress={progress} question={publicQuestion} documents={documents} />
      <p>
        <strong>{question.prompt}</strong>
      </p>
      <section class={`result ${response.isCorrect ? "ok" : "bad"}`} aria-labelledby="verdict">
        <h2 id="verdict" tabindex={-1}>
          {response.isCorrect ? "✓ Correct" : "✗ Not quite"}
        </h2>
        {alreadyAnswered ? <p>You had already answered this question, so your first answer stands.</p> : null}
        <p>
          Your answer: <strong>{optionText(question, response.chosen)}</strong>
        </p>
        {response.isCorrect ? null : (
          <p>
            Correct answer: <strong>{optionText(question, question.answer)}</strong>
          </p>
        )}
      </section>
      <h2>Why</h2>
      <ul class="options">
        {chosen.map((option) => (
          <li>
            <strong>{option.text}</strong>
            {question.answer.includes(option.id) ? <span class="badge ok">correct option</span> : <span class="badge bad">not correct</span>}
            <br />
            {option.feedback}
          </li>
        ))}
      </ul>
      <h2>Explanation</h2>
      <p>{question.explanation}</p>
      {question.sources.length > 0 ? (
        <>
          <h2>Sources</h2>
          {question.sources.map((source) => (
            <Citation source={source} label={documents.get(source.document)} />
          ))}
        </>
      ) : null}
      <div class="actions">
        <a class="button" href={nextHref.href}>
          {nextHref.label}
        </a>
      </div>
    </>
  );
}
