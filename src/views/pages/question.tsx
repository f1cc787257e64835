import { referencedDocuments } from "../../content/references.ts";
import type { CitedDocuments } from "../../db/queries/documents.ts";
import type { PublicQuestion } from "../../quiz/public-question.ts";
import { AnswerInputs, ConfidenceInput } from "../components/answer-inputs.tsx";
import { CsrfField } from "../components/csrf.tsx";
import { Passages, TextLinks } from "../components/passages.tsx";
import { type Progress, QuestionMap, QuestionProgress } from "../components/progress.tsx";
import { RichBlock, RichText } from "../components/rich-text.tsx";

export type { Progress };

export interface NextLink {
  href: string;
  label: string;
}

/** Context, the prompt and the claim: what the question asks, named the way students see documents. */
export function QuestionAsk({ question, documents, ids = true }: { question: PublicQuestion; documents: CitedDocuments; ids?: boolean }) {
  const isDescription = question.type === "description";
  return (
    <>
      {question.context ? (
        <div class="context">
          <RichText text={question.context} markup={question.markup} documents={documents} links />
        </div>
      ) : null}
      {isDescription ? (
        <div class="description">
          <RichText text={question.prompt} markup={question.markup} documents={documents} links />
        </div>
      ) : (
        <RichBlock text={question.prompt} markup={question.markup} documents={documents} links class="prompt" id={ids ? "prompt" : undefined} />
      )}
      {question.claim ? (
        <p class="claim" id={ids ? "claim" : undefined}>
          <strong>Claim: </strong>
          <RichText text={question.claim} markup={question.markup} documents={documents} />
        </p>
      ) : null}
      <TextLinks ids={unquotedDocuments(question)} documents={documents} />
    </>
  );
}

/**
 * Documents the question names (in its options or matching items, say) but neither quotes nor
 * links in its prompt: they get a link to the reader.
 */
export function unquotedDocuments(question: PublicQuestion): string[] {
  const quoted = new Set([...question.passages.map((p) => p.document), ...referencedDocuments(`${question.prompt} ${question.context ?? ""}`)]);
  const named = [question.claim ?? "", ...question.options.map((o) => o.text), ...question.pairs.map((p) => p.prompt), ...question.choices.map((c) => c.text)];
  return [...new Set(named.flatMap(referencedDocuments))].filter((id) => !quoted.has(id));
}

/** The passages shown beside a question (an evidence question's passage is its options). */
export function shownPassages(question: PublicQuestion) {
  return question.type === "evidence" ? [] : question.passages;
}

/** The grid that puts passages beside the question from 900 px, and two passages side by side. */
export function layoutClass(passageCount: number): string {
  return passageCount > 0 ? `q wide q-${Math.min(passageCount, 3)}` : "q";
}

/**
 * An unanswered question: only public fields are available here. The prompt comes first, then
 * the passages, then the options, in reading and tab order; wide screens put the passages beside.
 */
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
  documents: CitedDocuments;
  csrfToken: string;
  askConfidence: boolean;
  error?: string;
}) {
  const describedBy = [question.claim ? "claim" : "", "answer-hint", error ? "answer-error" : ""].filter(Boolean).join(" ");
  const isDescription = question.type === "description";
  const passages = shownPassages(question);
  return (
    <>
      <QuestionProgress progress={progress} />
      <div class={layoutClass(passages.length)}>
        <div class="ask">
          <QuestionAsk question={question} documents={documents} />
        </div>
        {passages.length > 0 ? <Passages passages={passages} documents={documents} /> : null}
        <form class="answer" id="answer" method="post" action={`/attempts/${progress.attemptId}/questions/${progress.number}`}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="question" value={String(questionId)} />
          {error ? (
            <p class="error" role="alert" id="answer-error">
              {error}
            </p>
          ) : null}
          <AnswerInputs question={question} documents={documents} describedBy={describedBy} labelledBy={isDescription ? undefined : "prompt"} />
          {askConfidence && !isDescription && question.type !== "essay" ? <ConfidenceInput /> : null}
          <div class="actions">
            <button type="submit">{isDescription ? "Continue" : question.type === "essay" ? "Submit answer" : "Check answer"}</button>
          </div>
        </form>
        <QuestionMap progress={progress} />
      </div>
    </>
  );
}

/** In a check, an answer is only acknowledged: no verdict, feedback or source until the end. */
export function RecordedPage({ progress, next, alreadyAnswered }: { progress: Progress; next: NextLink; alreadyAnswered: boolean }) {
  return (
    <>
      <QuestionProgress progress={progress} />
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
