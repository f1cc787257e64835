import type { Context } from "hono";
import { Hono } from "hono";
import { validator } from "hono/validator";
import * as z from "zod/mini";
import { type AnswerOutcome, type AnswerTarget, recordAnswer } from "../db/queries/answers.ts";
import { planRetry } from "../db/queries/attempt-limits.ts";
import { type AttemptQuestion, type AttemptReview, startAttempt } from "../db/queries/attempts.ts";
import { loadQuestionPage, loadReviewPage, loadSummaryPage } from "../db/queries/student-pages.ts";
import { type CachedQuestion, cachedQuestion, forgetQuestion, rememberQuestion } from "../db/question-cache.ts";
import type { AppEnv } from "../env.ts";
import { AppError, ConflictError, NotFoundError } from "../lib/errors.ts";
import { clientAddress, enforceRateLimit } from "../lib/rate-limit.ts";
import { formBody, routeParams } from "../lib/validation.ts";
import { parseAnswerForm } from "../quiz/answer-form.ts";
import { attemptReport } from "../quiz/attempt-report.ts";
import { gradeResponse } from "../quiz/grading.ts";
import { isMissed, stateOf } from "../quiz/progress.ts";
import { toPublicQuestion } from "../quiz/public-question.ts";
import { scoreBySkill } from "../quiz/scoring.ts";
import { studyPlan } from "../quiz/study-plan.ts";
import { FeedbackPage } from "../views/pages/feedback.tsx";
import { type NextLink, type Progress, QuestionPage, RecordedPage } from "../views/pages/question.tsx";
import { ReviewPage, reviewPage } from "../views/pages/review.tsx";
import { SummaryPage } from "../views/pages/summary.tsx";

export const attemptRoutes = new Hono<AppEnv>();

const notFound = () => new NotFoundError("attempt");
const attemptParams = routeParams(z.object({ id: z.uuid() }), notFound);
const questionParams = routeParams(z.object({ id: z.uuid(), number: z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(1000))) }), notFound);
const rawForm = validator("form", (value) => value);

function progressOf(row: AttemptQuestion, number: number): Progress {
  return {
    attemptId: row.attempt.id,
    setTitle: row.set.title,
    number,
    questionCount: row.attempt.questionCount,
    states: row.states,
    canRevisit: row.attempt.mode === "practice" || row.attempt.finishedAt !== null,
  };
}

function nextLink(attempt: { id: string; questionCount: number; mode: "practice" | "check" }, number: number): NextLink {
  return number >= attempt.questionCount
    ? { href: `/attempts/${attempt.id}`, label: attempt.mode === "check" ? "Finish and see your results" : "See your score" }
    : { href: `/attempts/${attempt.id}/questions/${number + 1}`, label: "Next question" };
}

const outOfOrder = (firstOpen: number) => new ConflictError(`This check is answered in order. Answer question ${firstOpen} first.`);

/** A check is answered in order: no skipping ahead to read later questions first. */
function assertInOrder(row: AttemptQuestion, number: number): void {
  if (row.attempt.mode === "check" && !row.response?.chosen && number > row.attempt.answeredCount + 1) throw outOfOrder(row.attempt.answeredCount + 1);
}

/** What grading needs to know about a question, kept in memory for the next answer to it. */
function remember(row: AttemptQuestion): CachedQuestion {
  const { type } = row.question.content;
  const entry = {
    questionId: row.question.id,
    versionHash: row.set.versionHash,
    content: row.question.content,
    askConfidence: row.set.settings.confidence && type !== "description" && type !== "essay",
  };
  rememberQuestion(entry);
  return entry;
}

async function loadQuestion(c: Context<AppEnv>, id: string, number: number) {
  const page = await loadQuestionPage(c.var.db, { attemptId: id, studentId: c.var.studentId, number });
  if (!page) throw notFound();
  remember(page.row);
  return page;
}

/** The question, or, once answered, its feedback (practice) or an acknowledgement (check). */
attemptRoutes.get("/:id/questions/:number", questionParams, async (c) => {
  const { id, number } = c.req.valid("param");
  const { row, documents } = await loadQuestion(c, id, number);
  assertInOrder(row, number);
  const { question, response } = row;
  const progress = progressOf(row, number);
  const publicQuestion = toPublicQuestion(question.content, number, row.optionOrder);
  const alreadyAnswered = c.req.query("already") === "1";
  if (!response?.chosen) {
    return c.render(
      <QuestionPage
        progress={progress}
        questionId={question.id}
        question={publicQuestion}
        documents={documents}
        csrfToken={c.var.csrfToken}
        askConfidence={row.set.settings.confidence}
      />,
      { title: `Question ${number} of ${row.attempt.questionCount}` },
    );
  }
  if (row.attempt.mode === "check" && !row.attempt.finishedAt) {
    return c.render(<RecordedPage progress={progress} next={nextLink(row.attempt, number)} alreadyAnswered={alreadyAnswered} />, {
      title: `Question ${number}: answer saved`,
    });
  }
  return c.render(
    <FeedbackPage
      progress={progress}
      question={question.content}
      publicQuestion={publicQuestion}
      response={{ chosen: response.chosen, isCorrect: response.isCorrect ?? false, score: response.score ?? null }}
      optionOrder={row.optionOrder}
      documents={documents}
      next={nextLink(row.attempt, number)}
      alreadyAnswered={alreadyAnswered}
    />,
    { title: `Question ${number}: ${response.score === null ? "saved" : response.isCorrect ? "correct" : "not quite"}` },
  );
});

/**
 * Grades an answer on the server. A question is answered once; a replay changes nothing.
 * The form names the question it shows (`question`, a row id); when this isolate already knows
 * that question, the answer is graded at once and recorded in one round trip, and the database
 * checks in that same batch that it really is this attempt's question. Otherwise (or if that
 * check fails) the question is read first, as the page would, and the answer recorded after.
 */
attemptRoutes.post("/:id/questions/:number", questionParams, rawForm, async (c) => {
  const { id, number } = c.req.valid("param");
  const { question: shown, ...form } = c.req.valid("form");
  const here = `/attempts/${id}/questions/${number}`;
  const known = typeof shown === "string" && /^[1-9]\d{0,15}$/.test(shown) ? cachedQuestion(Number(shown)) : undefined;
  if (known) {
    const outcome = await answerKnownQuestion(c, { id, number, form, target: known });
    if (outcome) return respond(c, outcome, { id, number, here, type: known.content.type });
  }

  const { row, documents } = await loadQuestion(c, id, number);
  if (row.response?.chosen) return c.redirect(`${here}?already=1`, 303);
  assertInOrder(row, number);
  const target = remember(row);
  const parsed = parseAnswerForm(row.question.content, form, { askConfidence: target.askConfidence });
  if (!parsed.ok) {
    c.status(400);
    return c.render(
      <QuestionPage
        progress={progressOf(row, number)}
        questionId={row.question.id}
        question={toPublicQuestion(row.question.content, number, row.optionOrder)}
        documents={documents}
        csrfToken={c.var.csrfToken}
        askConfidence={target.askConfidence}
        error={parsed.prompt}
      />,
      { title: `Question ${number}: answer needed` },
    );
  }
  const outcome = await recordAnswer(c.var.db, {
    attemptId: id,
    studentId: c.var.studentId,
    number,
    target,
    value: parsed.value,
    grade: gradeResponse(target.content, parsed.value),
    confidence: parsed.confidence,
  });
  return respond(c, outcome, { id, number, here, type: target.content.type });
});

/**
 * The one-round-trip path. Undefined means "take the careful path": the answer needs the page
 * again (empty, or not valid for this question: reported only after the attempt is checked to be
 * this student's), or the remembered question is not this attempt's question here.
 */
async function answerKnownQuestion(
  c: Context<AppEnv>,
  input: { id: string; number: number; form: Record<string, unknown>; target: CachedQuestion },
): Promise<AnswerOutcome | undefined> {
  const { target } = input;
  let parsed: ReturnType<typeof parseAnswerForm>;
  try {
    parsed = parseAnswerForm(target.content, input.form, { askConfidence: target.askConfidence });
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
  if (!parsed.ok) return undefined;
  const outcome = await recordAnswer(c.var.db, {
    attemptId: input.id,
    studentId: c.var.studentId,
    number: input.number,
    target: target satisfies AnswerTarget,
    value: parsed.value,
    grade: gradeResponse(target.content, parsed.value),
    confidence: parsed.confidence,
  });
  if (outcome.kind === "other-question") {
    forgetQuestion(target.questionId);
    return undefined;
  }
  return outcome;
}

function respond(c: Context<AppEnv>, outcome: AnswerOutcome, at: { id: string; number: number; here: string; type: string }): Response {
  switch (outcome.kind) {
    case "not-found":
      throw notFound();
    case "out-of-order":
      throw outOfOrder(outcome.firstOpen);
    case "already":
    case "other-question":
      return c.redirect(`${at.here}?already=1`, 303);
    case "recorded":
      // Descriptions need no feedback: go straight on. A check's last answer goes straight to the results.
      if (at.type === "description") return c.redirect(nextLink({ id: at.id, ...outcome }, at.number).href, 303);
      if (outcome.mode === "check" && outcome.answeredCount >= outcome.questionCount) return c.redirect(`/attempts/${at.id}`, 303);
      return c.redirect(at.here, 303);
  }
}

/** An attempt's results exist once every question is answered (a check refuses; practice sends the student back). */
function assertFinished(review: Pick<AttemptReview, "attempt" | "items">): string | undefined {
  const unanswered = review.items.find((item) => !item.response);
  if (review.attempt.finishedAt || !unanswered) return undefined;
  if (review.attempt.mode === "check") throw new ConflictError(`Finish the check first: question ${unanswered.number} is not answered yet.`);
  return `/attempts/${review.attempt.id}/questions/${unanswered.number}`;
}

/** The score, marks per skill and a study plan; only once every question is answered. */
attemptRoutes.get("/:id", attemptParams, async (c) => {
  const { id } = c.req.valid("param");
  const page = await loadSummaryPage(c.var.db, { attemptId: id, studentId: c.var.studentId });
  if (!page) throw notFound();
  const { review, documents, sets } = page;
  const unfinished = assertFinished(review);
  if (unfinished) return c.redirect(unfinished, 303);
  const skills = scoreBySkill(review.items);
  const plan = studyPlan(review.items, skills, sets, review.set.slug);
  const report = attemptReport(review.items, { ...review.set.settings, mode: review.attempt.mode });
  return c.render(<SummaryPage review={review} documents={documents} skills={skills} plan={plan} report={report} csrfToken={c.var.csrfToken} />, {
    title: `Your score: ${review.set.title}`,
  });
});

/** "Review the N I missed" (or, with ?all=1, every question) with feedback and evidence on one page. */
attemptRoutes.get("/:id/review", attemptParams, async (c) => {
  const { id } = c.req.valid("param");
  const loaded = await loadReviewPage(c.var.db, { attemptId: id, studentId: c.var.studentId });
  if (!loaded) throw notFound();
  const { review, documents } = loaded;
  const unfinished = assertFinished(review);
  if (unfinished) return c.redirect(unfinished, 303);
  const all = c.req.query("all") === "1";
  const numbers = review.items.filter((item) => all || isMissed(stateOf(item.response))).map((item) => item.number);
  const page = reviewPage(numbers, Number(c.req.query("page") ?? 1));
  return c.render(<ReviewPage review={review} documents={documents} page={page} all={all} csrfToken={c.var.csrfToken} />, {
    title: `${all ? "Every answer" : "What you missed"}: ${review.set.title}`,
  });
});

/** "Retry only the ones I got wrong": a new practice attempt of the same version, scored on its own. */
attemptRoutes.post("/:id/retry", attemptParams, formBody(z.strictObject({ _csrf: z.string() })), async (c) => {
  const { id } = c.req.valid("param");
  await enforceRateLimit(c.env, c.var.db, "attemptStart", clientAddress(c));
  const plan = await planRetry(c.var.db, { attemptId: id, studentId: c.var.studentId });
  if (plan.resumeAttemptId) return c.redirect(`/attempts/${plan.resumeAttemptId}`, 303);
  const retryId = await startAttempt(c.var.db, {
    studentId: c.var.studentId,
    setVersionId: plan.setVersionId,
    settings: plan.settings,
    questions: plan.questions,
    onlyPositions: plan.missedPositions,
    retryOf: id,
  });
  return c.redirect(`/attempts/${retryId}/questions/1`, 303);
});
