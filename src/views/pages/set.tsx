import type { DocumentLabel } from "../../db/queries/documents.ts";
import type { PublishedSet } from "../../db/queries/sets.ts";
import { allowedAttempts } from "../../quiz/attempt-policy.ts";
import { CsrfField } from "../components/csrf.tsx";
import { SkillTags } from "../components/tags.tsx";

export function SetPage({ set, documents, csrfToken }: { set: PublishedSet; documents: Map<string, DocumentLabel>; csrfToken: string }) {
  const attemptsAllowed = allowedAttempts(set.settings);
  return (
    <>
      <p class="meta">
        <a href="/">All quizzes</a>
      </p>
      <h1>{set.title}</h1>
      <p>{set.summary}</p>
      <p class="meta">
        {set.questionCount} questions{set.settings.mode === "check" ? " · a check: you see the answers when you finish" : ""}
        {attemptsAllowed === null ? "" : ` · ${attemptsAllowed === 1 ? "one attempt" : `${attemptsAllowed} attempts`}`}
      </p>
      <h2>What you will practise</h2>
      <SkillTags skills={set.skills} />
      <h2>The sources</h2>
      <p>The questions quote these documents. You can read each one in full.</p>
      <ul>
        {set.documentIds.map((id) => {
          const document = documents.get(id);
          return (
            <li>
              <a href={`/documents/${document?.publicId ?? id}`}>{document?.label || document?.title}</a>
              {document && document.label !== document.title ? <span class="muted">: {document.title}</span> : null}
            </li>
          );
        })}
      </ul>
      <form method="post" action={`/sets/${set.slug}/attempts`} class="actions">
        <CsrfField token={csrfToken} />
        <button type="submit">Start the quiz</button>
      </form>
    </>
  );
}
