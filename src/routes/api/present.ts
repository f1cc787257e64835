import type { listDocumentsForTeacher, SetVersionListing, TeacherSet } from "../../db/queries/teacher-sets.ts";
import type { DocumentRow, QuestionRow } from "../../db/schema.ts";
import type { DocumentOut, DocumentSummary, QuestionOut, SetDetail, SetStatus, SetSummary, VersionInfo } from "./schemas.ts";

/** Turns stored rows into the API's response shapes (see schemas.ts), field by field. */

type VersionRow = {
  id: number | null;
  version: number | null;
  title: string | null;
  summary: string | null;
  questionCount: number | null;
  sourcesRequired: boolean | null;
  createdAt: Date | null;
};

type SetRow = { slug: string; builtIn: boolean; published: boolean; current: VersionRow | null; draft: VersionRow | null };

function versionInfo(row: VersionRow | null): VersionInfo | null {
  if (!row?.id || row.version === null || row.createdAt === null) return null;
  return {
    version: row.version,
    title: row.title ?? "",
    summary: row.summary ?? "",
    questionCount: row.questionCount ?? 0,
    sourcesRequired: row.sourcesRequired ?? true,
    createdAt: row.createdAt.toISOString(),
  };
}

export function setStatus(published: boolean, hasCurrent: boolean): SetStatus {
  if (!hasCurrent) return "draft";
  return published ? "published" : "unpublished";
}

export function presentSetSummary(row: SetRow): SetSummary {
  const current = versionInfo(row.current);
  const draft = versionInfo(row.draft);
  const latest = draft ?? current;
  return {
    slug: row.slug,
    builtIn: row.builtIn,
    status: setStatus(row.published, current !== null),
    title: latest?.title ?? row.slug,
    summary: latest?.summary ?? "",
    current,
    draft,
  };
}

/** A question with its answer key: teachers see it for every set, as in the web preview. */
export function presentQuestion(row: QuestionRow): QuestionOut {
  return { position: row.position, ...row.content };
}

export function presentSetDetail(
  set: TeacherSet,
  versions: SetVersionListing,
  questions: { current: QuestionRow[] | null; draft: QuestionRow[] | null },
): SetDetail {
  return {
    ...presentSetSummary(set),
    versions: versions.map((v) => ({
      version: v.version,
      state: v.id === set.current?.id ? "current" : v.id === set.draft?.id ? "draft" : "previous",
      title: v.title,
      questionCount: v.questionCount,
      createdAt: v.createdAt.toISOString(),
    })),
    questions: {
      current: questions.current?.map((q) => presentQuestion(q)) ?? null,
      draft: questions.draft?.map((q) => presentQuestion(q)) ?? null,
    },
  };
}

export function presentDocumentSummary(row: Awaited<ReturnType<typeof listDocumentsForTeacher>>[number]): DocumentSummary {
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
