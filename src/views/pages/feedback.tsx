import type { Question } from "../../content/schema.ts";
import type { CitedDocuments } from "../../db/queries/documents.ts";
import type { PublicQuestion } from "../../quiz/public-question.ts";
import { AnswerReview, choiceSummary, type ReviewedResponse, verdictText } from "../components/answer-review.tsx";
import { Evidence } from "../components/passages.tsx";
import { type Progress, QuestionMap, QuestionProgress } from "../components/progress.tsx";
import { RichBlock } from "../components/rich-text.tsx";
import { layoutClass, type NextLink, QuestionAsk, shownPassages } from "./question.tsx";

export function toneOf(response: Pick<ReviewedResponse, "isCorrect" | "score">): string {
  return response.score === null ? "" : response.isCorrect ? "ok" : response.score > 0 ? "part" : "bad";
}

/**
 * The verdict and the way on, first: on a 320 × 640 screen without JavaScript it is in view
 * with the "Next" link, before the review and the sources.
 */
export function Verdict({
  question,
  response,
  optionOrder,
  next,
  alreadyAnswered,
}: {
  question: Question;
  response: ReviewedResponse;
  optionOrder: readonly string[] | undefined;
  next?: NextLink;
  alreadyAnswered?: boolean;
}) {
  const gist = choiceSummary(question, response.chosen, optionOrder);
  return (
    <section class={`result ${toneOf(response)}`} aria-labelledby="verdict">
      <h2 id="verdict" tabindex={-1}>
        {verdictText(response)}
      </h2>
      {gist ? <p>{gist}</p> : null}
      {alreadyAnswered ? <p>You had already answered this question, so your first answer stands.</p> : null}
      {next ? (
        <a class="button" href={next.href}>
          {next.label}
        </a>
      ) : null}
    </section>
  );
}

/** The question again with every option, what was chosen, the key, each option's feedback and the explanation. */
export function QuestionReview({
  question,
  publicQuestion,
  response,
  optionOrder,
  documents,
  ids = true,
}: {
  question: Question;
  publicQuestion: PublicQuestion;
  response: ReviewedResponse;
  optionOrder: readonly string[] | undefined;
  documents: CitedDocuments;
  /** Off where several questions share a page. */
  ids?: boolean;
}) {
  return (
    <>
      <QuestionAsk question={publicQuestion} documents={documents} ids={ids} />
      <AnswerReview question={question} response={response} optionOrder={optionOrder} documents={documents} />
      {question.explanation ? (
        <>
          <h3>Explanation</h3>
          <RichBlock text={question.explanation} markup={question.markup} documents={documents} links />
        </>
      ) : null}
    </>
  );
}

/** An answered question: the verdict first, then every option with its feedback, the explanation and the evidence. */
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
  documents: CitedDocuments;
  next: NextLink;
  alreadyAnswered: boolean;
}) {
  const passages = shownPassages(publicQuestion);
  const hasEvidence = question.sources.length + passages.length > 0;
  return (
    <>
      <QuestionProgress progress={progress} />
      <div class={layoutClass(hasEvidence ? 1 : 0)}>
        <Verdict question={question} response={response} optionOrder={optionOrder} next={next} alreadyAnswered={alreadyAnswered} />
        <div class="review">
          <QuestionReview question={question} publicQuestion={publicQuestion} response={response} optionOrder={optionOrder} documents={documents} />
        </div>
        <Evidence sources={question.sources} passages={passages} documents={documents} />
        <div class="actions next">
          <a class="button" href={next.href}>
            {next.label}
          </a>
        </div>
        <QuestionMap progress={progress} />
      </div>
    </>
  );
}
