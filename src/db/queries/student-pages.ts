import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { readTogether } from "../read-together.ts";
import { attempts, documents, questionSets, setVersions } from "../schema.ts";
import { attemptQuestionQuery, attemptReviewQuery, shapeAttemptQuestion, shapeAttemptReview } from "./attempts.ts";
import type { DocumentLabel } from "./documents.ts";
import { listPublishedSetsQuery, publishedSetQuery, rankPublishedSets } from "./sets.ts";

/**
 * The data of each student page, read in one D1 round trip: the page's own rows and the labels
 * of the documents it names, batched together. A page that needs more adds a named read to its
 * `readTogether` here; test/routes/round-trips.test.ts fails if a page makes a second round trip.
 */

const labelColumns = {
  id: documents.id,
  publicId: documents.publicId,
  label: documents.label,
  title: documents.title,
  outlet: documents.outlet,
  ownerId: documents.ownerId,
};
type OwnedLabel = DocumentLabel & { ownerId: string | null };

/** A set names its owner's documents and the built-in ones, by the ids the set uses. */
const inOwnersNamespace = sql`(${documents.ownerId} IS NULL OR ${documents.ownerId} = ${questionSets.ownerId})`;

function labelMap(rows: OwnedLabel[], ownerId: string | null): Map<string, DocumentLabel> {
  return new Map(rows.filter((row) => row.ownerId === null || row.ownerId === ownerId).map((row) => [row.id, row]));
}

/** The documents cited by the current version of published sets (one set when `slug` is given). */
function publishedSetLabels(db: Database, slug?: string) {
  const cited = sql`EXISTS (SELECT 1 FROM ${questionSets}
    JOIN ${setVersions} ON ${setVersions.id} = ${questionSets.currentVersionId}, json_each(${setVersions.documentIds}) AS cited
    WHERE ${questionSets.published} = 1${slug === undefined ? sql`` : sql` AND ${questionSets.publicSlug} = ${slug}`}
      AND cited.value = ${documents.id} AND ${inOwnersNamespace})`;
  return db.select(labelColumns).from(documents).where(cited);
}

/** The documents cited by an attempt's set version, for the student who owns the attempt only. */
function attemptLabels(db: Database, attemptId: string, studentId: string) {
  const cited = sql`EXISTS (SELECT 1 FROM ${attempts}
    JOIN ${setVersions} ON ${setVersions.id} = ${attempts.setVersionId}
    JOIN ${questionSets} ON ${questionSets.id} = ${setVersions.setId}, json_each(${setVersions.documentIds}) AS cited
    WHERE ${and(eq(attempts.id, attemptId), eq(attempts.studentId, studentId))}
      AND cited.value = ${documents.id} AND ${inOwnersNamespace})`;
  return db.select(labelColumns).from(documents).where(cited);
}

/** Home: the sets this student can pick, and their documents' labels. */
export async function loadHomePage(db: Database, studentId: string) {
  const read = await readTogether(db, { sets: listPublishedSetsQuery(db, studentId), labels: publishedSetLabels(db) });
  return { sets: rankPublishedSets(read.sets), documents: (set: { ownerId: string | null }) => labelMap(read.labels, set.ownerId) };
}

/** A set's page: its current published version and its documents' labels. */
export async function loadSetPage(db: Database, slug: string) {
  const read = await readTogether(db, { set: publishedSetQuery(db, slug), labels: publishedSetLabels(db, slug) });
  const [set] = read.set;
  return set ? { set, documents: labelMap(read.labels, set.ownerId) } : undefined;
}

/** One question of an attempt (asked, answered or acknowledged), and the labels of its set's documents. */
export async function loadQuestionPage(db: Database, input: { attemptId: string; studentId: string; number: number }) {
  const read = await readTogether(db, { question: attemptQuestionQuery(db, input), labels: attemptLabels(db, input.attemptId, input.studentId) });
  const row = shapeAttemptQuestion(read.question);
  return row ? { row, documents: labelMap(read.labels, row.set.ownerId) } : undefined;
}

/** An attempt's summary: every question with its response, and the labels of its set's documents. */
export async function loadSummaryPage(db: Database, input: { attemptId: string; studentId: string }) {
  const read = await readTogether(db, { review: attemptReviewQuery(db, input), labels: attemptLabels(db, input.attemptId, input.studentId) });
  const review = shapeAttemptReview(read.review);
  return review ? { review, documents: labelMap(read.labels, review.set.ownerId) } : undefined;
}
