import type { QuestionState } from "../../quiz/progress.ts";

export interface Progress {
  attemptId: string;
  setTitle: string;
  /** 1-based place of this question in the attempt. */
  number: number;
  questionCount: number;
  /** Every question's state in display order. */
  states: readonly QuestionState[];
  /** A check hides everything answered until the end; practice lets students go back. */
  canRevisit: boolean;
}

/** "Question 4 of 11" and a bar of how many are answered. */
export function QuestionProgress({ progress }: { progress: Progress }) {
  const answered = progress.states.filter((state) => state !== "open").length;
  return (
    <div class="qhead">
      <p class="meta">{progress.setTitle}</p>
      <h1>
        Question {progress.number} <span>of {progress.questionCount}</span>
      </h1>
      <progress max={progress.questionCount} value={answered} aria-label={`${answered} of ${progress.questionCount} answered`} />
    </div>
  );
}

const STATE_TEXT: Record<QuestionState, string> = {
  correct: "correct",
  partial: "partly right",
  wrong: "not right",
  saved: "answered",
  open: "not answered yet",
};

/**
 * Every question of the attempt, linked once answered (to re-read its feedback), and the next one
 * to answer. Only in practice, or a check that is finished: a running check shows nothing back.
 */
export function QuestionMap({ progress }: { progress: Progress }) {
  if (!progress.canRevisit || progress.states.every((state) => state === "open")) return null;
  const firstOpen = progress.states.indexOf("open") + 1;
  return (
    <nav class="qmap" aria-label="Questions in this quiz">
      <p class="meta">Go back to a question you have answered:</p>
      <ol>
        {progress.states.map((state, index) => {
          const number = index + 1;
          const text = (
            <>
              <span class="vh">Question </span>
              {number}
              <span class="vh">: {STATE_TEXT[state]}</span>
            </>
          );
          const href = `/attempts/${progress.attemptId}/questions/${number}`;
          if (number === progress.number)
            return (
              <li>
                <a href={href} aria-current="step" class={state}>
                  {text}
                </a>
              </li>
            );
          if (state !== "open" || number === firstOpen)
            return (
              <li>
                <a href={href} class={state}>
                  {text}
                </a>
              </li>
            );
          return (
            <li>
              <span>{text}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
