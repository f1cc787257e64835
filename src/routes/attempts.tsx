import { Hono } from "hono";
import { validator } from "hono/validator";
import { z } from "zod";
import { findAttemptQuestion, findAttemptReview, recordResponse } from "../db/queries/attempts.ts";
import { documentLabels } from "../db/queries/documents.ts";
import type { AppEnv } from "../env.ts";
import { NotFoundError } from "../lib/errors.ts";
import { routeParams } from "../lib/validation.ts";
import { assertOnlyAnswerFields, gradeResponse, noOptionChosen, parseChoice } from "../quiz/grading.ts";
import { toPublicQuestion } from "../quiz/public-question.ts";
import { scoreBySkill } from "../quiz/scoring.ts";
import { FeedbackPage, QuestionPage } from "../views/pages/question.tsx";
import { SummaryPage } from "../views/pages/summary.tsx";

export const attemptRoutes = new Hono<AppEnv>();

const notFound = () => new NotFoundError("attempt");
const attemptParams = routeParams(z.object({ id: z.uuid() }), notFound);
const questionParams = routeParams(z.object({ id: z.uuid(), position: z.coerce.number().int().min(1).max(1000) }), notFound);
const rawForm = validator("form", (value) => value);

/** The question, or, once answered, its feedback. Answering redirects here (POST/redirect/GET). */
attemptRoutes.get("/:id/questions/:position", questionParams, async (c) => {
  const { id, position } = c.req.valid("param");
  const row = await findAttemptQuestion(c.var.db, { attemptId: id, studentId: c.var.studentId, position });
  if (!row) throw notFound();
  const { question, response, attempt, set } = row;
  const progress = { attemptId: id, setTitle: set.title, position, questionCount: attempt.questionCount };
  const publicQuestion = toPublicQuestion(question);

  if (!response?.chosen) {
    const documents = await documentLabels(
      c.var.db,
      question.passages.map((p) => p.document),
    );
    return c.render(<QuestionPage progress={progress} question={publicQuestion} documents={documents} csrfToken={c.var.csrfToken} />, {
      title: `Question ${position} of ${attempt.questionCount}`,
    });
  }
  const documents = await documentLabels(
    c.var.db,
    [...question.passages, ...question.sources].map((p) => p.document),
  );
  const last = position >= attempt.questionCount;
  const nextHref = last ? { href: `/attempts/${id}`, label: "See your score" } : { href: `/attempts/${id}/questions/${position + 1}`, label: "Next question" };
  return c.render(
    <FeedbackPage
      progress={progress}
      question={question}
      publicQuestion={publicQuestion}
      response={{ chosen: response.chosen, isCorrect: response.isCorrect ?? false }}
      documents={documents}
      nextHref={nextHref}
      alreadyAnswered={c.req.query("already") === "1"}
    />,
    { title: `Question ${position}: ${response.isCorrect ? "correct" : "not quite"}` },
  );
});

/** Grades an answer on the server. A question is answered once; a replay changes nothing. */
attemptRoutes.post("/:id/questions/:position", questionParams, rawForm, async (c) => {
  const { id, position } = c.req.valid("param");
  const form = c.req.valid("form");
  const row = await findAttemptQuestion(c.var.db, { attemptId: id, studentId: c.var.studentId, position });
  if (!row) throw notFound();
  const here = `/attempts/${id}/questions/${position}`;
  if (row.response?.chosen) return c.redirect(`${here}?already=1`, 303);

  assertOnlyAnswerFields(form);
  if (noOptionChosen(form)) {
    const documents = await documentLabels(
      c.var.db,
      row.question.passages.map((p) => p.document),
    );
    const progress = { attemptId: id, setTitle: row.set.title, position, questionCount: row.attempt.questionCount };
    const error = row.question.type === "multiple" ? "Select at least one answer, then check it." : "Choose an answer, then check it.";
    c.status(400);
    return c.render(
      <QuestionPage progress={progress} question={toPublicQuestion(row.question)} documents={documents} csrfToken={c.var.csrfToken} error={error} />,
      {
        title: `Question ${position}: choose an answer`,
      },
    );
  }
  const chosen = parseChoice(row.question, form);
  const recorded = await recordResponse(c.var.db, { attemptId: id, questionId: row.question.id, chosen, isCorrect: gradeResponse(row.question, chosen) });
  return c.redirect(recorded ? here : `${here}?already=1`, 303);
});

/** The score, per-skill breakdown and review; only once every question is answered. */
attemptRoutes.get("/:id", attemptParams, async (c) => {
  const { id } = c.req.valid("param");
  const review = await findAttemptReview(c.var.db, { attemptId: id, studentId: c.var.studentId });
  if (!review) throw notFound();
  const unanswered = review.items.find((item) => !item.response?.chosen);
  if (!review.attempt.finishedAt && unanswered) return c.redirect(`/attempts/${id}/questions/${unanswered.question.position}`, 303);
  const documents = await documentLabels(
    c.var.db,
    review.items.flatMap((item) => item.question.sources.slice(0, 1).map((s) => s.document)),
  );
  return c.render(<SummaryPage review={review} skills={scoreBySkill(review.items)} documents={documents} csrfToken={c.var.csrfToken} />, {
    title: `Your score: ${review.set.title}`,
  });
});
