import { SKILL_GROUPS } from "../../content/skills.ts";
import type { SetSummary } from "../../db/queries/sets.ts";
import { SkillTags } from "../components/tags.tsx";

/** "easy", "easy to medium", "easy to hard": the range of a set's question difficulties. */
export function difficultyRange(counts: SetSummary["difficulty"]): string {
  const present = (["easy", "medium", "hard"] as const).filter((level) => counts[level] > 0);
  const [first, last] = [present[0], present.at(-1)];
  if (!first || !last) return "";
  return first === last ? first : `${first} to ${last}`;
}

/** About a minute and a half a question, in fives. */
export function minutesFor(questionCount: number): number {
  return Math.max(5, Math.round((questionCount * 1.5) / 5) * 5);
}

/** The set to start with: the practice set with the largest share of easy questions. */
function easiest(sets: SetSummary[]): SetSummary | undefined {
  const share = (set: SetSummary) => set.difficulty.easy / Math.max(1, set.questionCount);
  return sets.reduce<SetSummary | undefined>((best, set) => (!best || share(set) > share(best) ? set : best), undefined);
}

/** What Sourcewise is, then the sets: assigned by the class first, then practice grouped by skill, then checks. */
export function HomePage({ sets }: { sets: SetSummary[] }) {
  const assigned = sets.filter((set) => set.assignedIn);
  const practice = sets.filter((set) => !set.assignedIn && set.settings.mode === "practice");
  const checks = sets.filter((set) => !set.assignedIn && set.settings.mode === "check");
  const groupOf = (set: SetSummary) => SKILL_GROUPS.find((group) => group.skills.some((skill) => skill === set.skills[0]));
  const groups = SKILL_GROUPS.map((group) => ({ ...group, sets: practice.filter((set) => groupOf(set) === group) }));
  const ungrouped = practice.filter((set) => !groupOf(set));
  const start = easiest(practice);
  return (
    <>
      <section class="hero" aria-labelledby="what">
        <h1 id="what">Read the news like a fact-checker</h1>
        <p class="lead">Sourcewise is practice for reading news reports closely. Every quiz is built from real reports of real events.</p>
        <ol class="steps">
          <li>Read a short passage from a report.</li>
          <li>Answer a question about who says what, and how anyone knows.</li>
          <li>See why each answer is right or wrong, with the exact words that show it.</li>
        </ol>
        <div class="actions">
          {start ? (
            <a class="button" href={`/sets/${start.slug}`}>
              Start with “{start.title}”
            </a>
          ) : null}
          <a href="/join">Join your class with a code</a>
        </div>
      </section>
      {sets.length === 0 ? <p>No quizzes are published yet.</p> : null}
      <SetGroup title="Set by your class" sets={assigned} />
      {groups.map((group) => (
        <SetGroup title={group.title} about={group.about} sets={group.sets} />
      ))}
      <SetGroup title="More quizzes" sets={ungrouped} />
      <SetGroup
        title="Before-and-after checks"
        about="Take one before you practise and another after, to see what changed. You see the answers when you finish."
        sets={checks}
      />
    </>
  );
}

function SetGroup({ title, about, sets }: { title: string; about?: string; sets: SetSummary[] }) {
  if (sets.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      {about ? <p class="meta">{about}</p> : null}
      <ul class="sets">
        {sets.map((set) => (
          <li>
            <h3>
              <a href={`/sets/${set.slug}`}>{set.title}</a>
            </h3>
            <p class="meta">
              {set.questionCount} questions · about {minutesFor(set.questionCount)} minutes
              {difficultyRange(set.difficulty) ? ` · ${difficultyRange(set.difficulty)}` : ""}
              {set.assignedIn ? ` · set by ${set.assignedIn}` : ""}
            </p>
            <p>{set.summary}</p>
            {set.skills.length <= 4 ? <SkillTags skills={set.skills} /> : <p class="meta">Covers {set.skills.length} skills, a question or two each.</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
