import type { Question } from "../../../content/schema.ts";
import { skillLabel } from "../../../content/skills.ts";
import { toPublicQuestion } from "../../../quiz/public-question.ts";
import { AnswerInputs } from "../../components/answer-inputs.tsx";
import { AnswerReview } from "../../components/answer-review.tsx";
import { Citation } from "../../components/citation.tsx";
import { type DocumentLabels, RichBlock } from "../../components/rich-text.tsx";
import { MissingFeedback } from "./import-report.tsx";

/** A question as a student sees it before answering, followed by what they see after. */
export function QuestionPreview({ question, position, documents, total }: { question: Question; position: number; documents: DocumentLabels; total: number }) {
  const publicQuestion = toPublicQuestion(question, position, undefined);
  return (
    <article aria-labelledby={`q-${position}`}>
      <h3 id={`q-${position}`}>
        Question {position} of {total}
      </h3>
      <p class="meta">
        {skillLabel(question.skill)} · {question.difficulty} · {question.type.replace("_", " ")}
      </p>
      {question.context ? <RichBlock text={question.context} markup={question.markup} documents={documents} /> : null}
      {question.type === "evidence" ? null : question.passages.map((passage) => <Citation source={passage} label={documents.get(passage.document)} />)}
      <AnswerInputs question={publicQuestion} documents={documents} describedBy={`q-${position}`} idPrefix={`p${position}-`} disabled />
      <details>
        <summary>After answering: correct answer, feedback, explanation and sources</summary>
        <AnswerReview question={question} optionOrder={undefined} documents={documents} />
        {question.explanation ? (
          <RichBlock text={question.explanation} markup={question.markup} documents={documents} />
        ) : (
          <p class="meta">No explanation: students see none.</p>
        )}
        <MissingFeedback question={question} />
        {question.sources.map((source) => (
          <Citation source={source} label={documents.get(source.document)} />
        ))}
      </details>
    </article>
  );
}
