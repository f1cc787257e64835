import type { CitedDocuments } from "../../db/queries/documents.ts";
import type { SetPageData } from "../../db/queries/sets.ts";
import { allowedAttempts } from "../../quiz/attempt-policy.ts";
import { CsrfField } from "../components/csrf.tsx";
import { documentName, headlineOf } from "../components/passages.tsx";
import { SkillTags } from "../components/tags.tsx";
import { difficultyRange, minutesFor } from "./home.tsx";

export function SetPage({ set, documents, csrfToken }: { set: SetPageData; documents: CitedDocuments; csrfToken: string }) {
  const isCheck = set.settings.mode === "check";
  const attemptsAllowed = allowedAttempts(set.settings);
  return (
    <>
      <p class="meta">
        <a href="/">All quizzes</a>
      </p>
      <h1>{set.title}</h1>
      <p class="lead">{set.summary}</p>
      <p class="meta">
        {set.questionCount} questions · about {minutesFor(set.questionCount)} minutes
        {difficultyRange(set.difficulty) ? ` · ${difficultyRange(set.difficulty)}` : ""}
        {attemptsAllowed === null ? "" : ` · ${attemptsAllowed === 1 ? "one attempt" : `${attemptsAllowed} attempts`}`}
      </p>
      {isCheck ? <p>This is a check: you answer every question first, then see your results, the answers and the sources.</p> : null}
      <form method="post" action={`/sets/${set.slug}/attempts`} class="actions">
        <CsrfField token={csrfToken} />
        <button type="submit">{isCheck ? "Start the check" : "Start the quiz"}</button>
      </form>
      <h2>What you will practise</h2>
      <SkillTags skills={set.skills} />
      <h2>The texts</h2>
      <p>The questions quote these texts. You can read each one in full.</p>
      <ul>
        {set.documentIds.map((id) => {
          const document = documents.get(id);
          const { headline, about } = headlineOf(document?.title ?? "");
          return (
            <li>
              <a href={`/documents/${document?.publicId ?? id}`}>{documentName(document)}</a>
              {document ? <span class="muted">{headline ? `: “${headline}”` : `: no headline; ${about}`}</span> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
