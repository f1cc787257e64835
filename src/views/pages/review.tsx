import type { AttemptReview } from "../../db/queries/attempts.ts";
import type { CitedDocuments } from "../../db/queries/documents.ts";
import { toPublicQuestion } from "../../quiz/public-question.ts";
import { choiceSummary, verdictText } from "../components/answer-review.tsx";
import { CsrfField } from "../components/csrf.tsx";
import { Evidence } from "../components/passages.tsx";
import { QuestionReview, toneOf } from "./feedback.tsx";
import { theMissed } from "./summary.tsx";

/** Questions per review page: six with every option's feedback and the evidence stay within 14 KB. */
const PER_PAGE = 6;

export interface ReviewPageSlice {
  /** Attempt numbers shown on this page. */
  numbers: number[];
  page: number;
  pages: number;
  total: number;
}

export function reviewPage(numbers: readonly number[], requested: number): ReviewPageSlice {
  const pages = Math.max(1, Math.ceil(numbers.length / PER_PAGE));
  const page = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
  return { numbers: numbers.slice((page - 1) * PER_PAGE, page * PER_PAGE), page, pages, total: numbers.length };
}

/**
 * "Review the N I missed": those questions, each with the student's answer, every option's
 * feedback, the explanation and the evidence, on one page (to read, or to print). `all` shows
 * every question instead.
 */
export function ReviewPage({
  review,
  documents,
  page,
  all,
  csrfToken,
}: {
  review: AttemptReview;
  documents: CitedDocuments;
  page: ReviewPageSlice;
  all: boolean;
  csrfToken: string;
}) {
  const { attempt, set } = review;
  const items = review.items.filter((item) => page.numbers.includes(item.number));
  const canRetry = !all && page.total > 0 && attempt.mode === "practice" && set.published;
  const pageHref = (n: number) => `/attempts/${attempt.id}/review?${all ? "all=1&" : ""}page=${n}`;
  return (
    <>
      <p class="meta">
        {set.title} · <a href={`/attempts/${attempt.id}`}>Back to your score</a>
      </p>
      <h1>{all ? "Every question, with its feedback" : `What you missed (${page.total})`}</h1>
      {page.total === 0 ? <p>You got every question right: there is nothing to review.</p> : null}
      {page.pages > 1 ? (
        <p class="meta">
          Page {page.page} of {page.pages}
        </p>
      ) : null}
      <ol class="review">
        {items.map(({ number, question, response }) => {
          const content = question.content;
          const optionOrder = attempt.optionOrders?.[content.id];
          const reviewed = response ? { chosen: response.chosen, isCorrect: response.isCorrect, score: response.score } : undefined;
          const gist = reviewed ? choiceSummary(content, reviewed.chosen, optionOrder) : null;
          return (
            <li id={`q-${number}`}>
              <h2>Question {number}</h2>
              <p class={`result ${reviewed ? toneOf(reviewed) : ""}`}>
                <strong>{reviewed ? verdictText(reviewed) : "Not answered"}</strong>
                {gist ? ` ${gist}` : ""}
              </p>
              {reviewed ? (
                <QuestionReview
                  question={content}
                  publicQuestion={toPublicQuestion(content, number, optionOrder)}
                  response={reviewed}
                  optionOrder={optionOrder}
                  documents={documents}
                  ids={false}
                />
              ) : null}
              <Evidence sources={content.sources} passages={content.type === "evidence" ? [] : content.passages} documents={documents} heading="h3" />
            </li>
          );
        })}
      </ol>
      {page.pages > 1 ? (
        <nav class="actions" aria-label="Review pages">
          {page.page > 1 ? <a href={pageHref(page.page - 1)}>Previous page</a> : null}
          {page.page < page.pages ? (
            <a class="button" href={pageHref(page.page + 1)}>
              Next page
            </a>
          ) : null}
        </nav>
      ) : null}
      <div class="actions">
        {canRetry ? (
          <form method="post" action={`/attempts/${attempt.id}/retry`}>
            <CsrfField token={csrfToken} />
            <button type="submit">Retry only {theMissed(page.total, "got wrong")}</button>
          </form>
        ) : null}
        <a href={`/attempts/${attempt.id}`}>Back to your score</a>
      </div>
    </>
  );
}
