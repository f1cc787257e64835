import { isChoiceQuestion } from "../../content/question-kinds.ts";
import type { Question } from "../../content/schema.ts";
import { fullMarkAnswers, numericalMatch, shortAnswerMatch } from "../../quiz/grading.ts";
import { matchingChoices } from "../../quiz/matching.ts";
import { inDisplayOrder, optionLabel } from "../../quiz/order.ts";
import type { ResponseValue } from "../../quiz/response-value.ts";
import { type DocumentLabels, plainText, RichText } from "./rich-text.tsx";

export interface ReviewedResponse {
  chosen: ResponseValue;
  isCorrect: boolean;
  score: number | null;
}

/** "Correct", "Partly right (50%)", "Not quite", or "Saved" for items that are not scored. */
export function verdictText(response: Pick<ReviewedResponse, "isCorrect" | "score">): string {
  if (response.score === null) return "Saved";
  if (response.isCorrect) return "✓ Correct";
  if (response.score > 0) return `◐ Partly right (${Math.round(response.score * 100)}% of the marks)`;
  return "✗ Not quite";
}

/** "You chose B. The answer is C." for choice questions: the gist of the review, beside the verdict. */
export function choiceSummary(question: Question, chosen: ResponseValue, optionOrder: readonly string[] | undefined): string | null {
  if (!isChoiceQuestion(question) || question.type === "evidence" || !Array.isArray(chosen)) return null;
  const letters = (ids: readonly string[], joiner: string) =>
    inDisplayOrder(question.options, optionOrder)
      .map((option, index) => (ids.includes(option.id) ? optionLabel(index) : null))
      .filter((letter) => letter !== null)
      .join(joiner);
  const key =
    question.answer.length === 1
      ? `The answer is ${letters(question.answer, "")}.`
      : question.type === "multiple"
        ? `The answers are ${letters(question.answer, " and ")}.`
        : `${letters(question.answer, " or ")} would each be right.`;
  return `You chose ${letters(chosen, " and ") || "nothing"}. ${key}`;
}

/**
 * What the student answered against the key, with every option's feedback: the one chosen,
 * the key they missed and the distractors they did not pick. Without a response (a teacher's
 * preview) it shows the key and every piece of feedback.
 */
export function AnswerReview({
  question,
  response,
  optionOrder,
  documents,
}: {
  question: Question;
  response?: ReviewedResponse;
  optionOrder: readonly string[] | undefined;
  documents: DocumentLabels;
}) {
  const chosen: ResponseValue = response?.chosen ?? [];
  if (isChoiceQuestion(question)) {
    const ids = Array.isArray(chosen) ? chosen : [];
    return (
      <ul class="review-options">
        {inDisplayOrder(question.options, optionOrder).map((option, index) => {
          const picked = ids.includes(option.id);
          const key = question.answer.includes(option.id);
          return (
            <li class={key ? "key" : picked ? "wrong" : undefined}>
              {question.type === "evidence" ? null : (
                <span class="letter" aria-hidden="true">
                  {optionLabel(index)}
                </span>
              )}
              <RichText text={option.text} markup={question.markup} documents={documents} />
              {picked ? <span class="badge you">your answer</span> : null}
              {key ? <span class="badge ok">✓ correct answer</span> : picked ? <span class="badge bad">✗ not correct</span> : null}
              {!key && option.weight && option.weight > 0 ? <span class="badge">{option.weight}% credit</span> : null}
              {option.feedback ? (
                <p class="feedback">
                  <RichText text={option.feedback} markup={question.markup} documents={documents} links />
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    );
  }
  if (question.type === "short_answer" || question.type === "numerical") {
    const typed = !Array.isArray(chosen) && "text" in chosen ? chosen.text : "";
    const match =
      question.type === "short_answer"
        ? shortAnswerMatch(question, typed)
        : numericalMatch(question, !Array.isArray(chosen) && "value" in chosen ? chosen.value : null);
    return (
      <dl class="meta-list">
        {response ? (
          <>
            <dt>Your answer</dt>
            <dd>{typed || "none"}</dd>
          </>
        ) : null}
        <dt>Accepted</dt>
        <dd>{plainText(fullMarkAnswers(question).join("; "), documents)}</dd>
        {match?.feedback ? (
          <>
            <dt>Feedback</dt>
            <dd>
              <RichText text={match.feedback} markup={question.markup} documents={documents} links />
            </dd>
          </>
        ) : null}
      </dl>
    );
  }
  if (question.type === "matching") {
    const matches = !Array.isArray(chosen) && "matches" in chosen ? chosen.matches : {};
    const choices = matchingChoices(question);
    return (
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Item</th>
              {response ? <th scope="col">Your match</th> : null}
              <th scope="col">Correct match</th>
            </tr>
          </thead>
          <tbody>
            {question.pairs.map((pair) => {
              const yours = choices.find((c) => c.id === matches[pair.id])?.text;
              return (
                <tr>
                  <th scope="row">
                    <RichText text={pair.prompt} markup={question.markup} documents={documents} />
                  </th>
                  {response ? (
                    <td>
                      {yours ? <RichText text={yours} markup={question.markup} documents={documents} /> : "none"}{" "}
                      {yours === pair.answer ? <span class="badge ok">✓ right</span> : <span class="badge bad">✗ wrong</span>}
                    </td>
                  ) : null}
                  <td>
                    <RichText text={pair.answer} markup={question.markup} documents={documents} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }
  if (question.type === "essay") {
    if (!response) return <p class="meta">An open answer: your teacher reads it. It is not scored.</p>;
    const text = !Array.isArray(chosen) && "text" in chosen ? chosen.text : "";
    return (
      <>
        <p class="meta">Your answer (your teacher reads it; it is not scored):</p>
        <blockquote>
          <p>{text}</p>
        </blockquote>
      </>
    );
  }
  return null;
}
