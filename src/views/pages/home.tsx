import type { DocumentLabel } from "../../db/queries/documents.ts";
import type { SetSummary } from "../../db/queries/sets.ts";
import { SkillTags } from "../components/tags.tsx";

type LabelsFor = (set: SetSummary) => Map<string, DocumentLabel>;

export function HomePage({ sets, documents }: { sets: SetSummary[]; documents: LabelsFor }) {
  return (
    <>
      <h1>Practise reading the news like a fact-checker</h1>
      <p>Every question is built from real news documents. After each answer you see why it is right or wrong, and the exact passages that show it.</p>
      {sets.some((set) => set.assignedIn) ? (
        <>
          <h2>Set by your class</h2>
          <SetCards sets={sets.filter((set) => set.assignedIn)} documents={documents} />
          <h2>More quizzes</h2>
        </>
      ) : (
        <h2>Quizzes</h2>
      )}
      {sets.length === 0 ? <p>No quizzes are published yet.</p> : <SetCards sets={sets.filter((set) => !set.assignedIn)} documents={documents} />}
      <p>
        Has your teacher given you a class code? <a href="/join">Join your class</a>.
      </p>
    </>
  );
}

function SetCards({ sets, documents }: { sets: SetSummary[]; documents: LabelsFor }) {
  return (
    <ul class="cards">
      {sets.map((set) => (
        <li>
          <h2>
            <a href={`/sets/${set.slug}`}>{set.title}</a>
          </h2>
          <p class="meta">
            {set.questionCount} questions{set.settings.mode === "check" ? " · before-and-after check" : ""}
            {set.assignedIn ? ` · set by ${set.assignedIn}` : ""}
            {set.sourcesRequired ? "" : " · no sources"}
          </p>
          <p>{set.summary}</p>
          <SkillTags skills={set.skills} />
          <p class="meta">
            Documents:{" "}
            {set.documentIds.map((id, index) => {
              const document = documents(set).get(id);
              return (
                <>
                  {index > 0 ? "; " : ""}
                  <a href={`/documents/${document?.publicId ?? id}`}>{document?.label || document?.title}</a>
                </>
              );
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}
