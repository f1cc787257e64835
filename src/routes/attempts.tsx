import { Hono } from "hono";
import { validator } from "hono/validator";
import * as z from "zod/mini";
import { type AttemptQuestion, findAttemptQuestion, findAttemptReview, recordResponse } from "../db/queries/attempts.ts";
import { documentLabels } from "../db/queries/documents.ts";
import type { AppEnv } from "../env.ts";
import { ConflictError, NotFoundError } from "../lib/errors.ts";
import { routeParams } from "../lib/validation.ts";
import { parseAnswerForm } from "../quiz/answer-form.ts";
import { attemptReport } from "../quiz/attempt-report.ts";
import { gradeResponse } from "../quiz/grading.ts";
import { toPublicQuestion } from "../quiz/public-question.ts";
import { scoreBySkill } from "../quiz/scoring.ts";
import { FeedbackPage, type NextLink, type Progress, QuestionPage, RecordedPage } from "../views/pages/question.tsx";
import { SummaryPage } from "../views/pages/summary.tsx";

export const attemptRoutes = new Hono<AppEnv>();

const notFound = () => new NotFoundError("attempt");
const attemptParams = routeParams(z.object({ id: z.uuid() }), notFound);
const questionParams = routeParams(z.object({ id: z.uuid(), number: z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(1000))) }), notFound);
const rawForm = validator("form", (value) => value);

function progressOf(row: AttemptQuestion, number: number): Progress {
  return { attemptId: row.attempt.id, setTitle: row.set.title, number, questionCount: row.attempt.questionCount };
}

function nextLink(row: AttemptQuestion, number: number): NextLink {
  return number >= row.attempt.questionCount
    ? { href: `/attempts/${row.attempt.id}`, label: row.attempt.mode === "check" ? "Finish and see your results" : "See your score" }
    : { href: `/attempts/${row.attempt.id}/questions/${number + 1}`, label: "Next question" };
}

/** A check is answered in order: no skipping ahead to read later questions first. */
function assertInOrder(row: AttemptQuestion, number: number): void {
  if (row.attempt.mode === "check" && !row.response?.chosen && number > row.attempt.answeredCount + 1) {
    throw new ConflictError(`This check is answered in order. Answer question ${row.attempt.answeredCount + 1} first.`);
  }
}

async function loadQuestion(c: { var: AppEnv["Variables"] }, id: string, number: number): Promise<AttemptQuestion> {
  const row = await findAttemptQuestion(c.var.db, { attemptId: id, studentId: c.var.studentId, number });
  if (!row) throw notFound();
  return row;
}

/** The question, or, once answered, its feedback (practice) or an acknowledgement (check). */
attemptRoutes.get("/:id/questions/:number", questionParams, async (c) => {
  const { id, number } = c.req.valid("param");
  const row = await loadQuestion(c, id, number);
  assertInOrder(row, number);
  const { question, response } = row;
  const progress = progressOf(row, number);
  const publicQuestion = toPublicQuestion(question.content, number, row.optionOrder);
  const alreadyAnswered = c.req.query("already") === "1";
  if (!response?.chosen) {
    const documents = await documentLabels(c.var.db, row.set.documentIds, row.set.ownerId);
    return c.render(
      <QuestionPage
        progress={progress}
        question={publicQuestion}
        documents={documents}
        csrfToken={c.var.csrfToken}
        askConfidence={row.set.settings.confidence}
      />,
      { title: `Question ${number} of ${row.attempt.questionCount}` },
    );
  }
  if (row.attempt.mode === "check" && !row.attempt.finishedAt) {
    return c.render(<RecordedPage progress={progress} next={nextLink(row, number)} alreadyAnswered={alreadyAnswered} />, {
      title: `Question ${number}: answer saved`,
    });
  }
  const content = question.content;
  const documents = await documentLabels(c.var.db, row.set.documentIds, row.set.ownerId);
  return c.render(
    <FeedbackPage
      progress={progress}
      question={content}
      publicQuestion={publicQuestion}
      response={{ chosen: response.chosen, isCorrect: response.isCorrect ?? false, score: response.score ?? null }}
      optionOrder={row.optionOrder}
      documents={documents}
      next={nextLink(row, number)}
      alreadyAnswered={alreadyAnswered}
    />,
    { title: `Question ${number}: ${response.score === null ? "saved" : response.isCorrect ? "correct" : "not quite"}` },
  );
});

/** Grades an answer on the server. A question is answered once; a replay changes nothing. */
attemptRoutes.post("/:id/questions/:number", questionParams, rawForm, async (c) => {
  const { id, number } = c.req.valid("param");
  const row = await loadQuestion(c, id, number);
  const here = `/attempts/${id}/questions/${number}`;
  if (row.response?.chosen) return c.redirect(`${here}?already=1`, 303);
  assertInOrder(row, number);
  const askConfidence = row.set.settings.confidence && row.question.content.type !== "description" && row.question.content.type !== "essay";
  const parsed = parseAnswerForm(row.question.content, c.req.valid("form"), { askConfidence });
  if (!parsed.ok) {
    const publicQuestion = toPublicQuestion(row.question.content, number, row.optionOrder);
    const documents = await documentLabels(c.var.db, row.set.documentIds, row.set.ownerId);
    c.status(400);
    return c.render(
      <QuestionPage
        progress={progressOf(row, number)}
        question={publicQuestion}
        documents={documents}
        csrfToken={c.var.csrfToken}
        askConfidence={askConfidence}
        error={parsed.prompt}
      />,
      { title: `Question ${number}: answer needed` },
    );
  }
  const grade = gradeResponse(row.question.content, parsed.value);
  const recorded = await recordResponse(c.var.db, { attemptId: id, questionId: row.question.id, value: parsed.value, grade, confidence: parsed.confidence });
  if (!recorded) return c.redirect(`${here}?already=1`, 303);
  // Descriptions need no feedback: go straight on. A check's last answer goes straight to the results.
  if (row.question.content.type === "description") return c.redirect(nextLink(row, number).href, 303);
  if (row.attempt.mode === "check" && row.attempt.answeredCount + 1 >= row.attempt.questionCount) return c.redirect(`/attempts/${id}`, 303);
  return c.redirect(here, 303);
});

/** The score, per-skill breakdown and review; only once every question is answered. */
attemptRoutes.get("/:id", attemptParams, async (c) => {
  const { id } = c.req.valid("param");
  const review = await findAttemptReview(c.var.db, { attemptId: id, studentId: c.var.studentId });
  if (!review) throw notFound();
  const unanswered = review.items.find((item) => !item.response);
  if (!review.attempt.finishedAt && unanswered) {
    if (review.attempt.mode === "check") throw new ConflictError(`Finish the check first: question ${unanswered.number} is not answered yet.`);
    return c.redirect(`/attempts/${id}/questions/${unanswered.number}`, 303);
  }
  const documents = await documentLabels(c.var.db, review.set.documentIds, review.set.ownerId);
  const report = attemptReport(review.items, { ...review.set.settings, mode: review.attempt.mode });
  return c.render(<SummaryPage review={review} skills={scoreBySkill(review.items)} report={report} documents={documents} csrfToken={c.var.csrfToken} />, {
    title: `Your score: ${review.set.title}`,
  });
});
