import type { Child } from "hono/jsx";
import { skillLabel } from "../../content/skills.ts";
import type { AttemptReview } from "../../db/queries/attempts.ts";
import type { CitedDocuments } from "../../db/queries/documents.ts";
import type { AttemptReport } from "../../quiz/attempt-report.ts";
import { formatScore, percent, type SkillScore } from "../../quiz/scoring.ts";
import type { StudyPlan } from "../../quiz/study-plan.ts";
import { verdictText } from "../components/answer-review.tsx";
import { CbmReport, ConfidenceReport } from "../components/confidence-report.tsx";
import { CsrfField } from "../components/csrf.tsx";
import { DiscernmentReport } from "../components/discernment-report.tsx";
import { RichText } from "../components/rich-text.tsx";

type Attempt = AttemptReview["attempt"];
type SetOfAttempt = AttemptReview["set"];

/** "the one I missed", "the 4 I missed". */
export function theMissed(count: number, verb: string): string {
  return `the ${count === 1 ? "one" : count} I ${verb}`;
}

export function ScoreHeading({ attempt, set }: { attempt: Attempt; set: SetOfAttempt }) {
  return (
    <>
      <p class="meta">
        {set.title}
        {attempt.retryOf ? (
          <>
            {" · "}a retry of the questions you missed (<a href={`/attempts/${attempt.retryOf}`}>first score</a>)
          </>
        ) : null}
      </p>
      <h1>{attempt.mode === "check" ? "Your check results" : "Your score"}</h1>
      <p class="score">
        {formatScore(attempt.score)} of {attempt.scoredCount} ({percent(attempt.score, attempt.scoredCount)}%)
      </p>
    </>
  );
}

/** Marks per skill, each with a bar; the weakest is flagged. */
export function SkillResults({ skills, weakest }: { skills: readonly SkillScore[]; weakest: string | undefined }) {
  if (skills.length === 0) return null;
  return (
    <section aria-labelledby="by-skill">
      <h2 id="by-skill">By skill</h2>
      <ul class="skills">
        {skills.map((s) => (
          <li>
            <p>
              <span>{s.label}</span>
              <span>
                {formatScore(s.score)} of {s.total}
              </span>
            </p>
            <progress max={s.total} value={s.score} aria-label={`${s.label}: ${formatScore(s.score)} of ${s.total}`} />
            {s.skill === weakest ? <span class="weak">Your weakest skill here: practise it next</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What to do next: review the misses, retry them, then a set for the weakest skill. */
export function NextSteps({ attempt, set, plan, csrfToken }: { attempt: Attempt; set: SetOfAttempt; plan: StudyPlan; csrfToken: string }) {
  const missed = plan.missed.length;
  const canRetry = missed > 0 && attempt.mode === "practice" && set.published;
  return (
    <section aria-labelledby="next-steps">
      <h2 id="next-steps">Your study plan</h2>
      <ul class="plan">
        {missed > 0 ? (
          <li>
            <h3>Read what you missed</h3>
            <p>The questions you did not get fully right, with every option's feedback and the passages that show the answer.</p>
            <a class="button" href={`/attempts/${attempt.id}/review`}>
              Review {theMissed(missed, "missed")}
            </a>
          </li>
        ) : (
          <li>
            <h3>Every question right</h3>
            <p>Well done. Try a set that practises other skills, or a harder one.</p>
          </li>
        )}
        {canRetry ? (
          <li>
            <h3>Try them again</h3>
            <p>A new attempt with only those questions, scored on its own. Your score above stays as it is.</p>
            <form method="post" action={`/attempts/${attempt.id}/retry`}>
              <CsrfField token={csrfToken} />
              <button type="submit">Retry only {theMissed(missed, "got wrong")}</button>
            </form>
          </li>
        ) : null}
        {plan.next ? (
          <li>
            <h3>{plan.weakest ? `Practise next: ${skillLabel(plan.weakest.skill)}` : "Practise next"}</h3>
            <p>
              “{plan.next.title}”, {plan.next.questionCount} questions.
            </p>
            <a class="button secondary" href={`/sets/${plan.next.slug}`}>
              Go to “{plan.next.title}”
            </a>
          </li>
        ) : null}
      </ul>
      <div class="actions">
        {set.published && attempt.mode === "practice" ? (
          <form method="post" action={`/sets/${set.slug}/attempts`}>
            <CsrfField token={csrfToken} />
            <button type="submit" class="secondary">
              Take the whole set again
            </button>
          </form>
        ) : null}
        <a href="/">All quizzes</a>
      </div>
    </section>
  );
}

/** One line per question, linked to its feedback page: the transcript, kept short. */
export function AnswerList({ review, documents }: { review: AttemptReview; documents: CitedDocuments }) {
  return (
    <section aria-labelledby="answers">
      <h2 id="answers">Your answers</h2>
      <ol class="answers">
        {review.items.map(({ number, question, response }) => (
          <li>
            <a href={`/attempts/${review.attempt.id}/questions/${number}`}>Question {number}</a>
            {`: ${response ? verdictText({ isCorrect: response.isCorrect, score: response.score }) : "not answered"}`}
            <span class="muted">
              {" · "}
              <RichText text={question.content.prompt} markup={question.content.markup} documents={documents} />
            </span>
          </li>
        ))}
      </ol>
      <p>
        <a href={`/attempts/${review.attempt.id}/review?all=1`}>Every question with its feedback, on one page</a>
      </p>
    </section>
  );
}

/** A check's discernment and scepticism, and accuracy by confidence where the set asks: after the skills. */
export function AttemptInsights({ report }: { report: AttemptReport }) {
  return (
    <>
      {report.discernment ? <DiscernmentReport scores={report.discernment} /> : null}
      {report.calibration ? <ConfidenceReport calibration={report.calibration} /> : null}
      {report.cbm ? <CbmReport cbm={report.cbm} /> : null}
    </>
  );
}

/**
 * The end of an attempt as a study plan: the score, marks per skill, what the attempt shows
 * beyond marks (`report`, and any further `insights`), then what to do next.
 */
export function SummaryPage({
  review,
  documents,
  skills,
  plan,
  report,
  csrfToken,
  insights,
}: {
  review: AttemptReview;
  documents: CitedDocuments;
  skills: SkillScore[];
  plan: StudyPlan;
  report: AttemptReport;
  csrfToken: string;
  insights?: Child;
}) {
  const { attempt, set } = review;
  return (
    <>
      <ScoreHeading attempt={attempt} set={set} />
      <SkillResults skills={skills} weakest={plan.weakest?.skill} />
      <AttemptInsights report={report} />
      {insights}
      <NextSteps attempt={attempt} set={set} plan={plan} csrfToken={csrfToken} />
      <AnswerList review={review} documents={documents} />
    </>
  );
}
