import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { readTogether } from "../read-together.ts";
import { attempts, documents, questionSets, setVersions } from "../schema.ts";
import { attemptQuestionQuery, attemptReviewQuery, shapeAttemptQuestion, shapeAttemptReview } from "./attempts.ts";
import type { CitedDocument, DocumentLabel } from "./documents.ts";
import { listPublishedSetsQuery, rankPublishedSets, setPageQuery, shapeSetPage } from "./sets.ts";

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

/**
 * A set names its owner's documents and the built-in ones by the ids the set uses; a query's
 * rows are already limited to that namespace, so the map is keyed by those ids.
 */
const inOwnersNamespace = sql`(${documents.ownerId} IS NULL OR ${documents.ownerId} = ${questionSets.ownerId})`;

function labelMap<Row extends DocumentLabel>(rows: Row[]): Map<string, Row> {
  return new Map(rows.map((row) => [row.id, row]));
}

/** The documents cited by the current version of a published set. */
function publishedSetLabels(db: Database, slug: string) {
  const cited = sql`EXISTS (SELECT 1 FROM ${questionSets}
    JOIN ${setVersions} ON ${setVersions.id} = ${questionSets.currentVersionId}, json_each(${setVersions.documentIds}) AS cited
    WHERE ${questionSets.published} = 1 AND ${questionSets.publicSlug} = ${slug} AND cited.value = ${documents.id} AND ${inOwnersNamespace})`;
  return db.select(labelColumns).from(documents).where(cited);
}

/** The documents cited by an attempt's set version, for the student who owns the attempt only. */
function citedByAttempt(attemptId: string, studentId: string) {
  return sql`EXISTS (SELECT 1 FROM ${attempts}
    JOIN ${setVersions} ON ${setVersions.id} = ${attempts.setVersionId}
    JOIN ${questionSets} ON ${questionSets.id} = ${setVersions.setId}, json_each(${setVersions.documentIds}) AS cited
    WHERE ${and(eq(attempts.id, attemptId), eq(attempts.studentId, studentId))} AND cited.value = ${documents.id} AND ${inOwnersNamespace})`;
}

function attemptLabels(db: Database, attemptId: string, studentId: string) {
  return db.select(labelColumns).from(documents).where(citedByAttempt(attemptId, studentId));
}

/** Labels and text, where a page captions passages with the paragraph they start in. */
function attemptDocumentTexts(db: Database, attemptId: string, studentId: string) {
  return db
    .select({ ...labelColumns, body: documents.body })
    .from(documents)
    .where(citedByAttempt(attemptId, studentId));
}

/** Home: the sets this student can pick, with their skills, length and difficulty mix. */
export async function loadHomePage(db: Database, studentId: string) {
  const read = await readTogether(db, { sets: listPublishedSetsQuery(db, studentId) });
  return { sets: rankPublishedSets(read.sets) };
}

/** A set's page: its current published version (with its difficulty mix) and its documents' labels. */
export async function loadSetPage(db: Database, slug: string) {
  const read = await readTogether(db, { set: setPageQuery(db, slug), labels: publishedSetLabels(db, slug) });
  const set = shapeSetPage(read.set);
  return set ? { set, documents: labelMap(read.labels) } : undefined;
}

/**
 * One question of an attempt (asked, answered or acknowledged), with where the student stands on
 * every question, and its set's documents with their text (passages are captioned with the
 * paragraph they start in).
 */
export async function loadQuestionPage(db: Database, input: { attemptId: string; studentId: string; number: number }) {
  const read = await readTogether(db, {
    question: attemptQuestionQuery(db, input),
    labels: attemptDocumentTexts(db, input.attemptId, input.studentId),
  });
  const row = shapeAttemptQuestion(read.question);
  return row ? { row, documents: labelMap<CitedDocument>(read.labels) } : undefined;
}

/**
 * An attempt's summary: every question with its response, the labels of its set's documents, and
 * the sets this student can pick (to suggest one for the weakest skill).
 */
export async function loadSummaryPage(db: Database, input: { attemptId: string; studentId: string }) {
  const read = await readTogether(db, {
    review: attemptReviewQuery(db, input),
    labels: attemptLabels(db, input.attemptId, input.studentId),
    sets: listPublishedSetsQuery(db, input.studentId),
  });
  const review = shapeAttemptReview(read.review);
  return review ? { review, documents: labelMap(read.labels), sets: rankPublishedSets(read.sets) } : undefined;
}

/** "Review what I missed": every question with its response, and the set's documents with their text. */
export async function loadReviewPage(db: Database, input: { attemptId: string; studentId: string }) {
  const read = await readTogether(db, {
    review: attemptReviewQuery(db, input),
    labels: attemptDocumentTexts(db, input.attemptId, input.studentId),
  });
  const review = shapeAttemptReview(read.review);
  return review ? { review, documents: labelMap<CitedDocument>(read.labels) } : undefined;
}
