import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { ImportNote } from "../content/import/index.ts";
import type { Question, QuestionSet, SetSettings } from "../content/schema.ts";
import type { ResponseValue } from "../quiz/response-value.ts";

/**
 * The single source of truth for the database. drizzle-kit generates migrations from this
 * file; wrangler applies them. Times are Unix epoch milliseconds.
 */

const timestamp = (column: string) => integer(column, { mode: "timestamp_ms" }).notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

/**
 * Source documents that questions quote. Built-in ones have no owner. `id` is the name sets use
 * (`document: "003"`, `[[003]]`): unique among the built-in documents and within one teacher's
 * own (a teacher's namespace is their documents plus the built-in ones). `publicId` is the
 * reader's address (`/documents/<publicId>`), unique everywhere: the id itself for built-in
 * documents and older teachers' ones, the id with a random suffix for newer teachers' ones.
 */
export const documents = sqliteTable(
  "documents",
  {
    publicId: text("public_id").primaryKey(),
    id: text("id").notNull(),
    /** How students see it named beside passages and in questions ("Report A"). */
    label: text("label").notNull().default(""),
    title: text("title").notNull(),
    outlet: text("outlet").notNull(),
    byline: text("byline").notNull(),
    date: text("date").notNull(),
    kind: text("kind").notNull(),
    url: text("url"),
    provenance: text("provenance", { mode: "json" }).$type<string[]>().notNull(),
    body: text("body").notNull(),
    contentHash: text("content_hash").notNull(),
    ownerId: text("owner_id"),
    createdAt: timestamp("created_at"),
  },
  (t) => [uniqueIndex("documents_owner_id").on(t.ownerId, t.id)],
);

/**
 * A question set's identity. Its content lives in versions: `currentVersionId` is what new
 * attempts get. `draft` holds the teacher's unpublished edits as one question-set JSON (every
 * save, upload and attached quote rewrites it and bumps `draftRevision`, so a save made from a
 * stale page is refused); publishing turns it into one new version. Built-in sets have no owner.
 *
 * `slug` names the set in the teacher area, unique per teacher (and never a built-in set's slug).
 * `publicSlug` is the students' address (`/sets/<publicSlug>`), unique everywhere: the slug
 * itself for built-in sets and older teachers' sets, the slug with a random suffix for newer ones.
 */
export const questionSets = sqliteTable(
  "question_sets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    // SQLite needs a default to add a NOT NULL column; the migration fills it from the slug.
    publicSlug: text("public_slug").notNull().default(""),
    ownerId: text("owner_id"),
    currentVersionId: integer("current_version_id"),
    published: integer("published", { mode: "boolean" }).notNull().default(true),
    /** Unpublished edits, in the question-set shape; set-wide checks (sources, skills) may still fail until publishing. */
    draft: text("draft", { mode: "json" }).$type<QuestionSet>(),
    /** What the upload behind the draft left out or changed; it moves to the version on publish. */
    draftImportNotes: text("draft_import_notes", { mode: "json" }).$type<ImportNote[]>(),
    /** Bumped by every change to the draft (and by publishing it); forms send the one they showed. */
    draftRevision: integer("draft_revision").notNull().default(0),
    draftUpdatedAt: integer("draft_updated_at", { mode: "timestamp_ms" }),
    /** An archived set is hidden (unpublished) and listed apart; its versions, attempts and results stay. */
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    createdAt: timestamp("created_at"),
  },
  (t) => [uniqueIndex("question_sets_public_slug").on(t.publicSlug), uniqueIndex("question_sets_owner_slug").on(t.ownerId, t.slug)],
);

/** An immutable snapshot of a set. Editing a set adds a version; attempts keep theirs. */
export const setVersions = sqliteTable(
  "set_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    setId: integer("set_id")
      .notNull()
      .references(() => questionSets.id),
    version: integer("version").notNull(),
    contentHash: text("content_hash").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    skills: text("skills", { mode: "json" }).$type<string[]>().notNull(),
    documentIds: text("document_ids", { mode: "json" }).$type<string[]>().notNull(),
    /** Mode (practice or check), shuffling, confidence and attempt settings of this version. */
    settings: text("settings", { mode: "json" })
      .$type<SetSettings>()
      .notNull()
      .default(sql`'{"mode":"practice","shuffleQuestions":false,"confidence":false,"certaintyMarking":false}'`),
    sourcesRequired: integer("sources_required", { mode: "boolean" }).notNull().default(true),
    questionCount: integer("question_count").notNull(),
    /** Questions an import (GIFT, Aiken, Moodle XML) left out or changed, for the teacher's preview. */
    importNotes: text("import_notes", { mode: "json" }).$type<ImportNote[]>(),
    createdAt: timestamp("created_at"),
  },
  (t) => [uniqueIndex("set_versions_set_version").on(t.setId, t.version)],
);

export const questions = sqliteTable(
  "questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    setVersionId: integer("set_version_id")
      .notNull()
      .references(() => setVersions.id),
    /** 1-based order within the version (file order). */
    position: integer("position").notNull(),
    /** The question's id in its file, stable across versions. */
    key: text("key").notNull(),
    type: text("type").$type<Question["type"]>().notNull(),
    skill: text("skill").notNull(),
    difficulty: text("difficulty", { enum: ["easy", "medium", "hard"] }).notNull(),
    /** The whole question as the content schema outputs it: prompt, options, key, feedback, sources. */
    content: text("content", { mode: "json" }).$type<Question>().notNull(),
  },
  (t) => [uniqueIndex("questions_version_position").on(t.setVersionId, t.position), uniqueIndex("questions_version_key").on(t.setVersionId, t.key)],
);

/** An anonymous student, identified by the id in their signed cookie. */
export const students = sqliteTable("students", {
  id: text("id").primaryKey(),
  displayName: text("display_name"),
  createdAt: timestamp("created_at"),
});

/** One run through one version of a set. The id is random and unguessable. */
export const attempts = sqliteTable(
  "attempts",
  {
    id: text("id").primaryKey(),
    studentId: text("student_id")
      .notNull()
      .references(() => students.id),
    setVersionId: integer("set_version_id")
      .notNull()
      .references(() => setVersions.id),
    /** The class the student took this in, when the set was assigned to a class they joined. */
    classId: text("class_id"),
    /** Items in this attempt (a retry of missed questions has fewer than the version). */
    questionCount: integer("question_count").notNull(),
    /** Items that count towards the score: essays and descriptions do not. */
    scoredCount: integer("scored_count").notNull().default(0),
    answeredCount: integer("answered_count").notNull().default(0),
    /** Answers worth full marks. */
    correctCount: integer("correct_count").notNull().default(0),
    /** Sum of response scores (partial credit counts), out of `scoredCount`. */
    score: real("score").notNull().default(0),
    /** practice or check, fixed when the attempt starts. */
    mode: text("mode", { enum: ["practice", "check"] })
      .notNull()
      .default("practice"),
    /** Question positions in the order this student sees them; null means file order (older attempts). */
    questionOrder: text("question_order", { mode: "json" }).$type<number[]>(),
    /** Per question key, the option (or matching choice) ids in display order; absent means file order. */
    optionOrders: text("option_orders", { mode: "json" }).$type<Record<string, string[]>>(),
    /** A "retry the ones I got wrong" attempt points at the attempt it retries. */
    retryOf: text("retry_of"),
    startedAt: timestamp("started_at"),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("attempts_student").on(t.studentId, t.startedAt), index("attempts_class").on(t.classId, t.setVersionId)],
);

/** A graded answer. Unique per attempt and question, so a replayed submit can never count twice. */
export const responses = sqliteTable(
  "responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    attemptId: text("attempt_id")
      .notNull()
      .references(() => attempts.id),
    questionId: integer("question_id")
      .notNull()
      .references(() => questions.id),
    /** What the student answered: option ids for choice questions, text, a number or matches otherwise. */
    chosen: text("chosen", { mode: "json" }).$type<ResponseValue>().notNull(),
    /** Full marks (score 1). False for unscored items. */
    isCorrect: integer("is_correct", { mode: "boolean" }).notNull(),
    /** 0 to 1 with partial credit; null for items that count in no score (essays, descriptions). */
    score: real("score"),
    /** "How sure are you?": 1 guessing, 2 fairly sure, 3 certain; null when the set does not ask. */
    confidence: integer("confidence"),
    answeredAt: timestamp("answered_at"),
  },
  (t) => [uniqueIndex("responses_attempt_question").on(t.attemptId, t.questionId)],
);

/** A teacher account. Passwords are PBKDF2-SHA256 hashes (see src/teach/passwords.ts). */
export const teachers = sqliteTable("teachers", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at"),
});

/** A signed-in browser. Only a SHA-256 of the cookie's token is stored. */
export const teacherSessions = sqliteTable(
  "teacher_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    teacherId: text("teacher_id")
      .notNull()
      .references(() => teachers.id),
    createdAt: timestamp("created_at"),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("teacher_sessions_teacher").on(t.teacherId)],
);

/** A one-time code an existing teacher gives a colleague so they can sign up. Stored hashed. */
export const teacherInvites = sqliteTable("teacher_invites", {
  codeHash: text("code_hash").primaryKey(),
  createdBy: text("created_by")
    .notNull()
    .references(() => teachers.id),
  createdAt: timestamp("created_at"),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  usedBy: text("used_by"),
});

/**
 * A one-time password-reset link a teacher issued for a colleague's email. Only a SHA-256 of the
 * token is stored; the email is matched to an account only when the link is used, so issuing one
 * says nothing about whether the email has an account. Expires after an hour.
 */
export const teacherPasswordResets = sqliteTable("teacher_password_resets", {
  tokenHash: text("token_hash").primaryKey(),
  email: text("email").notNull(),
  createdBy: text("created_by")
    .notNull()
    .references(() => teachers.id),
  createdAt: timestamp("created_at"),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  usedAt: integer("used_at", { mode: "timestamp_ms" }),
});

/** A bearer token for the JSON API. Shown once; only its SHA-256 is stored. */
export const apiTokens = sqliteTable("api_tokens", {
  id: text("id").primaryKey(),
  teacherId: text("teacher_id")
    .notNull()
    .references(() => teachers.id),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  /** "read" tokens may only GET under /api; "write" tokens may do everything their teacher may. */
  scope: text("scope", { enum: ["read", "write"] })
    .notNull()
    .default("write"),
  createdAt: timestamp("created_at"),
  lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  /** When the token stops working; null if it does not expire. The hourly cleanup deletes it after. */
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
});

export type TokenScope = (typeof apiTokens.$inferSelect)["scope"];

/** Fixed-window counters for rate limits where the Workers Rate Limiting binding is not configured. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStartedAt: integer("window_started_at").notNull(),
  count: integer("count").notNull(),
});

export const classes = sqliteTable(
  "classes",
  {
    id: text("id").primaryKey(),
    teacherId: text("teacher_id")
      .notNull()
      .references(() => teachers.id),
    name: text("name").notNull(),
    joinCode: text("join_code").notNull().unique(),
    createdAt: timestamp("created_at"),
    /** When the teacher archived the class: hidden from the active list, joins refused, results kept. */
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("classes_teacher").on(t.teacherId)],
);

/** A student in a class: joined with the code and a display name only. */
export const classMembers = sqliteTable(
  "class_members",
  {
    classId: text("class_id")
      .notNull()
      .references(() => classes.id),
    studentId: text("student_id")
      .notNull()
      .references(() => students.id),
    displayName: text("display_name").notNull(),
    joinedAt: timestamp("joined_at"),
  },
  (t) => [primaryKey({ columns: [t.classId, t.studentId] }), index("class_members_student").on(t.studentId)],
);

export const classSets = sqliteTable(
  "class_sets",
  {
    classId: text("class_id")
      .notNull()
      .references(() => classes.id),
    setId: integer("set_id")
      .notNull()
      .references(() => questionSets.id),
    assignedAt: timestamp("assigned_at"),
    /** After this, members of the class may start no new attempt; answers after it are marked late. */
    dueAt: integer("due_at", { mode: "timestamp_ms" }),
    /** Attempts a member may start on this set; null leaves the set's own limit. */
    maxAttempts: integer("max_attempts"),
  },
  (t) => [primaryKey({ columns: [t.classId, t.setId] })],
);

export type DocumentRow = typeof documents.$inferSelect;
export type QuestionSetRow = typeof questionSets.$inferSelect;
export type SetVersionRow = typeof setVersions.$inferSelect;
export type QuestionRow = typeof questions.$inferSelect;
export type AttemptRow = typeof attempts.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;
export type TeacherRow = typeof teachers.$inferSelect;
export type ClassRow = typeof classes.$inferSelect;
