import type { Question } from "../../content/schema.ts";
import type { TeacherDocumentListing } from "../../db/queries/teacher-documents.ts";
import type { SetVersionListing, TeacherSet } from "../../db/queries/teacher-sets.ts";
import type { DocumentRow, QuestionRow } from "../../db/schema.ts";
import type { DocumentOut, DocumentSummary, QuestionOut, SetDetail, SetStatus, SetSummary, VersionInfo } from "./schemas.ts";

/** Turns stored rows into the API's response shapes (see schemas.ts), field by field. */

type VersionRow = { version: number; title: string; summary: string; questionCount: number; sourcesRequired: boolean };

function versionInfo(row: (VersionRow & ({ createdAt: Date } | { updatedAt: Date })) | null): VersionInfo | null {
  if (!row) return null;
  return {
    version: row.version,
    title: row.title,
    summary: row.summary,
    questionCount: row.questionCount,
    sourcesRequired: row.sourcesRequired,
    createdAt: ("createdAt" in row ? row.createdAt : row.updatedAt).toISOString(),
  };
}

export function setStatus(set: Pick<TeacherSet, "published" | "archived" | "current">): SetStatus {
  if (set.archived) return "archived";
  if (!set.current) return "draft";
  return set.published ? "published" : "unpublished";
}

export function presentSetSummary(row: TeacherSet): SetSummary {
  const current = versionInfo(row.current);
  const draft = versionInfo(row.draft);
  const latest = draft ?? current;
  return {
    slug: row.slug,
    publicSlug: row.publicSlug,
    builtIn: row.builtIn,
    status: setStatus(row),
    title: latest?.title ?? row.slug,
    summary: latest?.summary ?? "",
    current,
    draft,
  };
}

/** A question with its answer key: teachers see it for every set, as in the web preview. */
export function presentQuestion(content: Question, position: number): QuestionOut {
  return { position, ...content };
}

export function presentSetDetail(
  set: TeacherSet,
  versions: SetVersionListing,
  questions: { current: QuestionRow[] | null; draft: Question[] | null },
): SetDetail {
  const draft = set.draft
    ? [
        {
          version: set.draft.version,
          state: "draft" as const,
          title: set.draft.title,
          questionCount: set.draft.questionCount,
          createdAt: set.draft.updatedAt.toISOString(),
        },
      ]
    : [];
  return {
    ...presentSetSummary(set),
    versions: [
      ...draft,
      ...versions.map((v) => ({
        version: v.version,
        state: v.id === set.current?.id ? ("current" as const) : ("previous" as const),
        title: v.title,
        questionCount: v.questionCount,
        createdAt: v.createdAt.toISOString(),
      })),
    ],
    questions: {
      current: questions.current?.map((q) => presentQuestion(q.content, q.position)) ?? null,
      draft: questions.draft?.map((q, index) => presentQuestion(q, index + 1)) ?? null,
    },
  };
}

export function presentDocumentSummary(row: TeacherDocumentListing[number]): DocumentSummary {
  return { id: row.id, title: row.title, outlet: row.outlet, date: row.date, builtIn: row.ownerId === null };
}

export function presentDocument(row: DocumentRow): DocumentOut {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    date: row.date,
    builtIn: row.ownerId === null,
    byline: row.byline,
    kind: row.kind,
    url: row.url,
    provenance: row.provenance,
    text: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}
