import { z } from "zod";
import { DIFFICULTIES, QUESTION_TYPES, SKILL_IDS } from "./skills.ts";

/**
 * The one schema for question-set and document files. The CLI check, the loader and the
 * teacher upload all parse through these, so a file means the same thing everywhere.
 */

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const documentId = z
  .string({ error: (issue) => (typeof issue.input === "number" ? 'document ids are text: write it in quotes, e.g. "002"' : undefined) })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be lower-case letters, digits and hyphens");

export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be lower-case letters, digits and hyphens");

const optionId = z.string().regex(/^[a-z0-9]{1,12}$/, "must be a short id of lower-case letters or digits, e.g. a");

export const sourceRef = z.strictObject({
  document: documentId,
  quote: text(1200),
});
export type SourceRef = z.infer<typeof sourceRef>;

export const option = z.strictObject({
  id: optionId,
  text: text(500),
  feedback: text(1500),
});
export type Option = z.infer<typeof option>;

export const question = z
  .strictObject({
    id: slug,
    type: z.enum(QUESTION_TYPES),
    skill: z.enum(SKILL_IDS),
    difficulty: z.enum(DIFFICULTIES),
    prompt: text(1500),
    context: text(2000).optional(),
    passages: z.array(sourceRef).max(3).default([]),
    options: z.array(option).min(2, "needs at least two options").max(8),
    answer: z.union([optionId, z.array(optionId).min(1, "needs at least one correct option")]),
    explanation: text(3000),
    sources: z.array(sourceRef).max(6).default([]),
  })
  .superRefine((q, ctx) => {
    const ids = q.options.map((o) => o.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) ctx.addIssue({ code: "custom", path: ["options", index, "id"], message: `duplicate option id "${id}"` });
    });
    const answers = Array.isArray(q.answer) ? q.answer : [q.answer];
    answers.forEach((id, index) => {
      if (!ids.includes(id)) {
        ctx.addIssue({
          code: "custom",
          path: Array.isArray(q.answer) ? ["answer", index] : ["answer"],
          message: `correct option "${id}" is not one of the options (${ids.join(", ")})`,
        });
      }
    });
    if (new Set(answers).size !== answers.length) ctx.addIssue({ code: "custom", path: ["answer"], message: "lists the same option twice" });
    if ((q.type === "single" || q.type === "true_false") && answers.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["answer"],
        message: `a ${q.type === "single" ? "single-choice" : "true/false"} question needs exactly one correct option, not ${answers.length}`,
      });
    }
    if (q.type === "true_false") {
      const texts = q.options.map((o) => o.text.toLowerCase()).sort();
      if (texts.length !== 2 || texts[0] !== "false" || texts[1] !== "true") {
        ctx.addIssue({ code: "custom", path: ["options"], message: 'a true/false question has exactly two options, "True" and "False"' });
      }
    }
  })
  .transform((q) => ({ ...q, answer: Array.isArray(q.answer) ? q.answer : [q.answer] }));
export type Question = z.output<typeof question>;
export type QuestionInput = z.input<typeof question>;

export const questionSet = z
  .strictObject({
    title: text(140),
    summary: text(600),
    skills: z.array(z.enum(SKILL_IDS)).min(1, "list the skills this set practises"),
    /** "none" marks a set imported without citations (e.g. from GIFT or Aiken). */
    sources: z.enum(["required", "none"]).default("required"),
    diagnostic: z.boolean().default(false),
    documents: z.array(documentId).default([]),
    questions: z.array(question).min(1, "a set needs at least one question").max(200),
  })
  .superRefine((set, ctx) => {
    const ids = set.questions.map((q) => q.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) ctx.addIssue({ code: "custom", path: ["questions", index, "id"], message: `duplicate question id "${id}"` });
    });
    set.questions.forEach((q, index) => {
      if (!set.skills.includes(q.skill)) {
        ctx.addIssue({ code: "custom", path: ["questions", index, "skill"], message: `skill "${q.skill}" is not listed in the set's skills` });
      }
      if (set.sources === "required" && q.sources.length === 0) {
        ctx.addIssue({ code: "custom", path: ["questions", index, "sources"], message: "needs at least one source quote (or mark the set `sources: none`)" });
      }
      for (const [field, refs] of [
        ["passages", q.passages],
        ["sources", q.sources],
      ] as const) {
        refs.forEach((ref, refIndex) => {
          if (!set.documents.includes(ref.document)) {
            ctx.addIssue({
              code: "custom",
              path: ["questions", index, field, refIndex, "document"],
              message: `document "${ref.document}" is not listed in the set's documents`,
            });
          }
        });
      }
    });
    set.skills.forEach((skill, index) => {
      if (!set.questions.some((q) => q.skill === skill)) ctx.addIssue({ code: "custom", path: ["skills", index], message: `no question practises "${skill}"` });
    });
  });
export type QuestionSet = z.output<typeof questionSet>;
export type QuestionSetInput = z.input<typeof questionSet>;

export const documentMeta = z.strictObject({
  id: documentId,
  title: text(200),
  outlet: text(200),
  byline: text(200).default("not stated"),
  date: text(200),
  kind: text(100),
  url: z.url({ protocol: /^https?$/ }).optional(),
  provenance: z.array(text(1000)).min(1, "give at least one provenance note"),
});
export type DocumentMeta = z.output<typeof documentMeta>;

export interface SourceDocument extends DocumentMeta {
  body: string;
}
