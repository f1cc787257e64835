import { isScored, type QuestionSet, type SourceRef } from "../../content/schema.ts";
import type { Database } from "../../db/client.ts";
import { loadEditable, ownSet, writeDraft } from "../../db/queries/drafts.ts";
import { BadRequestError, NotFoundError } from "../../lib/errors.ts";
import { checkQuestion } from "./checks.ts";
import { findQuestion, replaceQuestion } from "./draft.ts";

export type QuoteTarget = "passages" | "sources";

const LIMITS: Record<QuoteTarget, number> = { passages: 3, sources: 6 };

/**
 * Adds a verbatim quote to one question of the teacher's draft, as a passage (shown with the
 * question) or a source (shown after answering), then runs the question's checks. A set
 * imported without sources asks for them from the moment every scored question has one.
 */
export async function attachQuote(
  db: Database,
  teacherId: string,
  slug: string,
  input: { question: string; into: QuoteTarget; ref: SourceRef; revision: number | undefined },
): Promise<void> {
  const set = await ownSet(db, teacherId, slug);
  const editable = await loadEditable(db, set);
  const found = findQuestion(editable.content, input.question);
  if (!found) throw new NotFoundError("question");
  const list = found.question[input.into];
  if (list.length >= LIMITS[input.into])
    throw new BadRequestError(`This question already has ${list.length} ${input.into}, the most it may have. Remove one in the editor first.`);
  const candidate = { ...found.question, [input.into]: [...list, input.ref] };
  const checked = await checkQuestion(db, teacherId, editable.content, candidate, found.index);
  if (!checked.ok) throw new BadRequestError("The quote was not attached.", checked.details);
  await writeDraft(
    db,
    { setId: set.id, teacherId, revision: input.revision ?? editable.revision },
    askForSources(replaceQuestion(editable.content, found.index, checked.question)),
  );
}

/** A "no sources" set becomes a sourced one once every scored question has a source. */
export function askForSources(draft: QuestionSet): QuestionSet {
  if (draft.sources === "required" || draft.questions.length === 0) return draft;
  return draft.questions.every((q) => !isScored(q) || q.sources.length > 0) ? { ...draft, sources: "required" } : draft;
}
