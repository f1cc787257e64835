import * as z from "zod/mini";
import { slug } from "../../content/schema.ts";
import { described } from "./described.ts";

/** Request and response shapes of the class, assignment, results and one-question routes. */

export const classIdParam = z.object({ id: described(z.uuid(), "The class's id.") });
export const classSetParam = z.object({ id: described(z.uuid(), "The class's id."), slug: described(slug.clone(), "The assigned set's slug.") });
export const questionParam = z.object({
  slug: described(slug.clone(), "The set's slug."),
  questionId: described(slug.clone(), "The question's id in the set (stable across versions)."),
});

export const classCreate = z.strictObject({
  name: described(
    z.string().check(z.trim(), z.minLength(1, "Give the class a name."), z.maxLength(80, "must be at most 80 characters")),
    "The class's name, as students see it when they join.",
  ),
});
export const assignmentCreate = z.strictObject({ slug: described(slug.clone(), "A published set: one of yours or a built-in one.") });
export const setDuplicate = z.strictObject({
  slug: described(slug.clone(), "The copy's slug: unique among your sets."),
  title: described(
    z.optional(z.string().check(z.trim(), z.maxLength(140, "must be at most 140 characters"))),
    "The copy's title; left out, the original's with “(copy)”.",
  ),
});

const isoDate = described(z.iso.datetime(), "ISO 8601, UTC.");

export const classSummary = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  joinCode: described(z.string(), "Students join at `/join/{joinCode}`."),
  members: described(z.int().check(z.gte(0)), "Students who joined."),
  createdAt: isoDate,
  archivedAt: described(z.nullable(z.iso.datetime()), "When the class was archived (joins refused, results kept); null while it is active."),
});
export const classList = z.strictObject({ classes: z.array(classSummary) });

export const classDetail = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  joinCode: z.string(),
  createdAt: isoDate,
  members: z.array(z.strictObject({ studentId: z.string(), displayName: z.string(), joinedAt: isoDate })),
  assigned: described(
    z.array(z.strictObject({ slug: z.string(), title: z.nullable(z.string()), published: z.boolean() })),
    "Sets assigned to the class, oldest assignment first.",
  ),
});

const score = z.nullable(z.strictObject({ marks: z.number(), total: z.int(), percent: z.int() }));
const nullableRatio = z.nullable(z.number());

export const classResultsOut = z.strictObject({
  className: z.string(),
  title: z.string(),
  version: described(z.int(), "The set's current version: questions are listed as in it."),
  students: z.array(
    z.strictObject({
      studentId: z.string(),
      name: z.string(),
      attempts: z.int(),
      finishedAttempts: z.int(),
      firstScore: score,
      bestScore: score,
      timeTakenMs: z.nullable(z.number()),
      version: z.nullable(z.int()),
    }),
  ),
  questions: described(
    z.array(
      z.strictObject({
        key: z.string(),
        position: z.int(),
        prompt: z.string(),
        skill: z.string(),
        answered: z.int(),
        facility: described(nullableRatio, "Mean score 0–1 on first finished attempts; null for unscored items or when nobody answered."),
        discrimination: nullableRatio,
        options: z.array(z.strictObject({ id: z.string(), text: z.string(), correct: z.boolean(), count: z.int() })),
      }),
    ),
    "Item analysis, per question of the current version.",
  ),
  skills: z.array(z.strictObject({ skill: z.string(), label: z.string(), questions: z.int(), average: nullableRatio })),
});

export const draftQuestionOut = z.strictObject({
  position: z.int().check(z.gte(1)),
  revision: described(
    z.int(),
    "The draft's revision: send it back as `?revision=` so a change made meanwhile (another tab, another client) is refused rather than overwritten.",
  ),
  question: described(z.looseObject({ id: z.string(), type: z.string() }), "The question as written in the set format."),
});

export const revisionQuery = z.object({
  revision: described(
    z.optional(z.string().check(z.regex(/^\d{1,9}$/, "must be a whole number"))),
    "The draft revision you read; left out, the change applies to whatever the draft is now.",
  ),
});
