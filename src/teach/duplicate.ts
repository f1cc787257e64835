import type { Database } from "../db/client.ts";
import { createTeacherSet, loadEditable } from "../db/queries/drafts.ts";
import { findSetForTeacher, versionAsQuestionSet } from "../db/queries/teacher-sets.ts";
import { NotFoundError } from "../lib/errors.ts";

/**
 * Copies any set the teacher can see (their own, or a built-in one) into a new set of their own
 * whose content is a draft: the latest content (their draft, else the published version).
 */
export async function duplicateSet(db: Database, teacherId: string, sourceSlug: string, copy: { slug: string; title?: string }): Promise<void> {
  const source = await findSetForTeacher(db, teacherId, sourceSlug);
  if (!source) throw new NotFoundError("quiz");
  const content = source.builtIn ? source.current && (await versionAsQuestionSet(db, source.current.id)) : (await loadEditable(db, source)).content;
  if (!content) throw new NotFoundError("quiz");
  await createTeacherSet(db, teacherId, copy.slug, { ...content, title: copy.title || `${content.title} (copy)`.slice(0, 140) });
}
