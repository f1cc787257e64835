import type { Question } from "../../content/schema.ts";
import type { PublicQuestion } from "../../quiz/public-question.ts";
import { AnswerInputs, ConfidenceInput } from "../components/answer-inputs.tsx";
import { AnswerReview, type ReviewedResponse, verdictText } from "../components/answer-review.tsx";
import { Citation } from "../components/citation.tsx";
import { CsrfField } from "../components/csrf.tsx";
import { type DocumentLabels, RichBlock, RichText } from "../components/rich-text.tsx";

export interface Progress {
  attemptId: string;
  setTitle: string;
  /** 1-based place of this question in the attempt. */
  number: number;
  questionCount: number;
}

export interface NextLink {
  href: string;
  label: string;
}

function QuestionHeader({ progress, question, documents }: { progress: Progress; question: PublicQuestion; documents: DocumentLabels }) {
  return (
    <>
      <p class="meta">{progress.setTitle}</p>
      <h1>
        Question {progress.number} of {progress.questionCount}
      </h1>
      {question.context ? (
        <div class="context">
          <RichText text={question.context} markup={question.markup} documents={documents} />
        </div>
      ) : null}
      {question.passages.length > 0 && question.type !== "evidence" ? (
        <section aria-label={question.passages.length > 1 ? "Passages to compare" : "Passage"}>
          {question.passages.map((passage) => (
            <Citation source={passage} label={documents.get(passage.document)} />
          ))}
        </section>
      ) : null}
      {question.claim ? (
        <p class="claim">
          <strong>Claim: </strong>
          <RichText text={question.claim} markup={question.markup} documents={documents} />
        </p>
      ) : null}
    </>
  );
}

/** An unanswered question: only public fields are available here. */
export function QuestionPage({
  progress,
  questionId,
  question,
  documents,
  csrfToken,
  askConfidence,
  error,
}: {
  progress: Progress;
  /** The question's row id: lets the server grade and record the answer in one round trip. */
  questionId: number;
  question: PublicQuestion;
  documents: DocumentLabels;
  csrfToken: string;
  askConfidence: boolean;
  error?: string;
}) {
  const describedBy = error ? "answer-hint answer-error" : "answer-hint";
  const isDescription = question.type === "description";
  return (
    <>
      <QuestionHeader progress={progress} question={question} documents={documents} />
      {isDescription ? (
        <div class="description">
          <RichText text={question.prompt} markup={question.markup} documents={documents} links />
        </div>
      ) : null}
      <form method="post" action={`/attempts/${progress.attemptId}/questions/${progress.number}`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="question" value={String(questionId)} />
        {error ? (
          <p class="error" role="alert" id="answer-error">
            {error}
          </p>
        ) : null}
        <AnswerInputs question={question} documents={documents} describedBy={describedBy} />
        {askConfidence && !isDescription && question.type !== "essay" ? <ConfidenceInput /> : null}
        <button type="submit">{isDescription ? "Continue" : question.type === "essay" ? "Submit answer" : "Check answer"}</button>
      </form>
    </>
  );
}

/** An answered question: the verdict first, then every option with its feedback, the explanation and the sources. */
export function FeedbackPage({
  progress,
  question,
  publicQuestion,
  response,
  optionOrder,
  documents,
  next,
  alreadyAnswered,
}: {
  progress: Progress;
  question: Question;
  publicQuestion: PublicQuestion;
  response: ReviewedResponse;
  optionOrder: readonly string[] | undefined;
  documents: DocumentLabels;
  next: NextLink;
  alreadyAnswered: boolean;
}) {
  const tone = response.score === null ? "" : response.isCorrect ? "ok" : response.score > 0 ? "part" : "bad";
  return (
    <>
      <QuestionHeader progress={progress} question={publicQuestion} documents={documents} />
      <section class={`result ${tone}`} aria-labelledby="verdict">
        <h2 id="verdict" tabindex={-1}>
          {verdictText(response)}
        </h2>
        {alreadyAnswered ? <p>You had already answered this question, so your first answer stands.</p> : null}
        <a class="button" href={next.href}>
          {next.label}
        </a>
      </section>
      <RichBlock text={question.prompt} markup={question.markup} documents={documents} class="prompt" />
      <AnswerReview question={question} response={response} optionOrder={optionOrder} documents={documents} />
      {question.explanation ? (
        <>
          <h2>Explanation</h2>
          <RichBlock text={question.explanation} markup={question.markup} documents={documents} links />
        </>
      ) : null}
      {question.sources.length > 0 ? (
        <>
          <h2>Sources</h2>
          {question.sources.map((source) => (
            <Citation source={source} label={documents.get(source.document)} />
          ))}
        </>
      ) : null}
      <div class="actions">
        <a class="button" href={next.href}>
          {next.label}
        </a>
      </div>
    </>
  );
}

/** In a check, an answer is only acknowledged: no verdict, feedback or source until the end. */
export function RecordedPage({ progress, next, alreadyAnswered }: { progress: Progress; next: NextLink; alreadyAnswered: boolean }) {
  return (
    <>
      <p class="meta">{progress.setTitle}</p>
      <h1>
        Question {progress.number} of {progress.questionCount}
      </h1>
      <section class="result" aria-labelledby="verdict">
        <h2 id="verdict" tabindex={-1}>
          Answer saved
        </h2>
        <p>
          {alreadyAnswered ? "You had already answered this question, so your first answer stands. " : ""}
          This is a check: you see every answer, with explanations and sources, when you finish.
        </p>
        <a class="button" href={next.href}>
          {next.label}
        </a>
      </section>
    </>
  );
}
