import * as z from "zod/mini";
import "./zod-messages.ts";
import { DOCUMENT_ID_PATTERN, OPTION_ID_PATTERN, SLUG_PATTERN } from "./ids.ts";
import { isScored } from "./question-kinds.ts";
import { sanitizeHtml } from "./sanitize.ts";
import { DIFFICULTIES, QUESTION_TYPES, SKILL_IDS } from "./skills.ts";

/**
 * The one schema for question-set and document files. The CLI check, the loader, the teacher
 * upload, the editor and the API all parse through these, so a file means the same thing
 * everywhere. Built with zod/mini to keep the Worker small.
 */

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, "must not be empty"), z.maxLength(max, `must be at most ${max} characters`));

export const documentId = z
  .string({
    error: (issue) => (typeof issue.input === "number" ? 'document ids are text: write it in quotes, e.g. "002"' : undefined),
  })
  .check(z.regex(DOCUMENT_ID_PATTERN, "must be lower-case letters, digits and hyphens"));

export const slug = z.string().check(z.regex(SLUG_PATTERN, "must be lower-case letters, digits and hyphens"));

const optionId = z.string().check(z.regex(OPTION_ID_PATTERN, "must be a short id of lower-case letters or digits, e.g. a"));

export const sourceRef = z.strictObject({
  document: documentId,
  quote: text(1200),
});
export type SourceRef = z.infer<typeof sourceRef>;

/** A percentage of the question's marks, as Moodle writes it: -100 to 100. */
const weight = z.number().check(z.gte(-100, "must be at least -100"), z.lte(100, "must be at most 100"));

export const option = z.strictObject({
  id: optionId,
  text: text(1000),
  /** Why this option is right or wrong. Optional for imports; the library lint requires it. */
  feedback: z.optional(text(2000)),
  /** Partial credit (Moodle's `~%50%`). Without weights, the key is worth 100 and the rest 0. */
  weight: z.optional(weight),
});
export type Option = z.infer<typeof option>;

/** A claim-judgement option also says whether choosing it judges the claim supported. */
export const claimOption = z.strictObject({
  ...option.shape,
  supports: z.boolean(),
});
export type ClaimOption = z.infer<typeof claimOption>;

const answerKey = z.pipe(
  z.union([optionId, z.array(optionId).check(z.minLength(1, "needs at least one correct option"))]),
  z.transform((answer) => (Array.isArray(answer) ? answer : [answer])),
);

/** Fields every question has, whatever its type. */
const common = {
  id: slug,
  skill: z.enum(SKILL_IDS),
  difficulty: z.enum(DIFFICULTIES),
  prompt: text(3000),
  context: z.optional(text(4000)),
  passages: z._default(z.array(sourceRef).check(z.maxLength(3, "at most 3 passages")), []),
  /** Shown after answering. Optional for imports (no filler for students); the library lint requires it. */
  explanation: z.optional(text(4000)),
  sources: z._default(z.array(sourceRef).check(z.maxLength(6, "at most 6 sources")), []),
  /** `html`: text fields hold HTML, sanitised by this schema with an allow-list (Moodle `[html]`). */
  markup: z._default(z.enum(["text", "html"]), "text"),
};

const options = (schema: typeof option | typeof claimOption = option) =>
  z.array(schema).check(z.minLength(2, "needs at least two options"), z.maxLength(12, "at most 12 options"));

/** `shuffle: false` keeps file order where it carries meaning (a time sequence, "both of the above"). */
const shuffle = z._default(z.boolean(), true);

const single = z.strictObject({ ...common, type: z.literal("single"), options: options(), answer: answerKey, shuffle });
const multiple = z.strictObject({ ...common, type: z.literal("multiple"), options: options(), answer: answerKey, shuffle });
/** True is always shown first; the file's option order does not matter. */
const trueFalse = z.strictObject({ ...common, type: z.literal("true_false"), options: options(), answer: answerKey });
/**
 * A claim-judgement item: one claim, options that judge it ("supported by the text",
 * "only claimed", "not in the texts"). Discernment and scepticism scores come from these.
 */
const claim = z.strictObject({
  ...common,
  type: z.literal("claim"),
  claim: text(1000),
  options: options(claimOption),
  answer: answerKey,
  shuffle: z._default(z.boolean(), false),
});
/** Evidence selection: the options are sentences of the one passage, shown in reading order. */
const evidence = z.strictObject({ ...common, type: z.literal("evidence"), options: options(), answer: answerKey });

export const acceptedText = z.strictObject({
  /** Matched ignoring case and extra spaces; `*` matches any run of characters. */
  text: text(500),
  weight: z._default(weight, 100),
  feedback: z.optional(text(2000)),
});
const shortAnswer = z.strictObject({
  ...common,
  type: z.literal("short_answer"),
  answers: z.array(acceptedText).check(z.minLength(1, "needs at least one accepted answer"), z.maxLength(20)),
  caseSensitive: z._default(z.boolean(), false),
});

export const numericAnswer = z.strictObject({
  /** Either a value with an optional tolerance, or a range min..max. */
  value: z.optional(z.number()),
  tolerance: z.optional(z.number().check(z.gte(0, "must not be negative"))),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  weight: z._default(weight, 100),
  feedback: z.optional(text(2000)),
});
const numerical = z.strictObject({
  ...common,
  type: z.literal("numerical"),
  answers: z.array(numericAnswer).check(z.minLength(1, "needs at least one accepted answer"), z.maxLength(20)),
});

export const matchPair = z.strictObject({ id: optionId, prompt: text(500), answer: text(500) });
const matching = z.strictObject({
  ...common,
  type: z.literal("matching"),
  pairs: z.array(matchPair).check(z.minLength(2, "needs at least two pairs"), z.maxLength(12)),
  /** Extra answers that match no prompt. */
  distractors: z._default(z.array(text(500)).check(z.maxLength(10)), []),
  /** Per-pair feedback is Moodle's general feedback only; one explanation covers all pairs. */
});
/** An open response the teacher reads. Never scored. */
const essay = z.strictObject({ ...common, type: z.literal("essay") });
/** Text with no answer (a Moodle description). Never scored. */
const description = z.strictObject({ ...common, type: z.literal("description") });

const questionVariants = z.discriminatedUnion("type", [single, multiple, trueFalse, claim, evidence, shortAnswer, numerical, matching, essay, description], {
  error: (issue) => (issue.code === "invalid_union" ? `type must be one of ${QUESTION_TYPES.join(", ")}` : undefined),
});

export const question = z.pipe(
  questionVariants.check(z.superRefine((q, ctx) => checkQuestion(q as RawQuestion, ctx))),
  z.transform((q) => (q.markup === "html" ? sanitizeQuestion(q) : q)),
);
type RawQuestion = z.output<typeof questionVariants>;
export type Question = z.output<typeof question>;
export type QuestionInput = z.input<typeof question>;
export type QuestionOfType<T extends Question["type"]> = Extract<Question, { type: T }>;
export type ChoiceQuestion = QuestionOfType<"single" | "multiple" | "true_false" | "claim" | "evidence">;

export { CHOICE_TYPES, isChoiceQuestion, isScored } from "./question-kinds.ts";

type Ctx = Parameters<Parameters<typeof z.superRefine<RawQuestion>>[0]>[1];

function checkQuestion(q: RawQuestion, ctx: Ctx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
  if ("options" in q) {
    const ids = q.options.map((o) => o.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) issue(["options", index, "id"], `duplicate option id "${id}"`);
    });
    const answers = q.answer;
    answers.forEach((id, index) => {
      if (!ids.includes(id)) issue(answers.length > 1 ? ["answer", index] : ["answer"], `correct option "${id}" is not one of the options (${ids.join(", ")})`);
    });
    if (new Set(answers).size !== answers.length) issue(["answer"], "lists the same option twice");
    if ((q.type === "true_false" || q.type === "claim") && answers.length !== 1) {
      issue(["answer"], `a ${q.type === "claim" ? "claim-judgement" : "true/false"} question needs exactly one correct option, not ${answers.length}`);
    }
    if (q.type === "true_false") {
      const texts = q.options.map((o) => o.text.toLowerCase()).sort();
      if (texts.length !== 2 || texts[0] !== "false" || texts[1] !== "true")
        issue(["options"], 'a true/false question has exactly two options, "True" and "False"');
    }
    if (q.type === "evidence" && q.passages.length !== 1) issue(["passages"], "an evidence question has exactly one passage: the sentences to choose from");
    const weighted = q.options.filter((o) => o.weight !== undefined);
    if (weighted.length > 0) {
      if (q.type === "multiple") checkMultipleWeights(q.options, answers, issue);
      else
        q.options.forEach((o, index) => {
          if (o.weight === undefined) return;
          if (answers.includes(o.id) && o.weight !== 100)
            issue(["options", index, "weight"], "a correct option is worth 100; give partial credit to other options");
          if (!answers.includes(o.id) && o.weight >= 100) issue(["options", index, "weight"], "an option worth 100 must be listed in answer");
        });
    }
  }
  if (q.type === "numerical") {
    q.answers.forEach((a, index) => {
      const isValue = a.value !== undefined && a.min === undefined && a.max === undefined;
      const isRange = a.value === undefined && a.tolerance === undefined && a.min !== undefined && a.max !== undefined;
      if (!isValue && !isRange) issue(["answers", index], "give either value (with an optional tolerance) or min and max");
      if (isRange && (a.min as number) > (a.max as number)) issue(["answers", index, "max"], "max must not be below min");
    });
    if (!q.answers.some((a) => a.weight === 100)) issue(["answers"], "at least one answer must be worth 100");
  }
  if (q.type === "short_answer" && !q.answers.some((a) => a.weight === 100)) issue(["answers"], "at least one answer must be worth 100");
  if (q.type === "matching") {
    const ids = q.pairs.map((p) => p.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) issue(["pairs", index, "id"], `duplicate pair id "${id}"`);
    });
  }
}

/** Moodle's rule for multiple-answer weights: the correct options' weights add up to 100. */
function checkMultipleWeights(opts: Option[], answers: string[], issue: (path: PropertyKey[], message: string) => void): void {
  opts.forEach((o, index) => {
    if (o.weight === undefined) issue(["options", index, "weight"], "give every option a weight once one has a weight");
    else if (answers.includes(o.id) !== o.weight > 0)
      issue(
        ["options", index, "weight"],
        answers.includes(o.id) ? "a correct option needs a positive weight" : "an option with a positive weight must be listed in answer",
      );
  });
  const total = opts.reduce((sum, o) => sum + Math.max(0, o.weight ?? 0), 0);
  if (Math.abs(total - 100) > 0.01) issue(["options"], `the positive weights add up to ${Math.round(total * 100) / 100}, not 100`);
}

/** Every text field of an `html` question, passed through the allow-list sanitiser. */
function sanitizeQuestion<Q extends RawQuestion>(q: Q): Q {
  const clean = (value: string | undefined) => (value === undefined ? undefined : sanitizeHtml(value));
  const out: Record<string, unknown> = { ...q, prompt: sanitizeHtml(q.prompt), context: clean(q.context), explanation: clean(q.explanation) };
  if ("options" in q) out.options = q.options.map((o) => ({ ...o, text: sanitizeHtml(o.text), feedback: clean(o.feedback) }));
  if ("answers" in q) out.answers = q.answers.map((a) => ({ ...a, feedback: clean(a.feedback) }));
  if ("pairs" in q) out.pairs = q.pairs.map((p) => ({ ...p, prompt: sanitizeHtml(p.prompt) }));
  if ("claim" in q) out.claim = sanitizeHtml(q.claim);
  return out as Q;
}

/** Parallel forms of one check ("diagnostic" A and B): teachers assign the group. */
export const parallelForm = z.strictObject({
  group: slug,
  form: z.string().check(z.regex(/^[A-Z]$/, "must be one capital letter, e.g. A")),
});

export const questionSet = z
  .strictObject({
    title: text(140),
    summary: text(600),
    skills: z.array(z.enum(SKILL_IDS)).check(z.minLength(1, "list the skills this set practises")),
    /** "none" marks a set imported without citations (e.g. from GIFT or Aiken). */
    sources: z._default(z.enum(["required", "none"]), "required"),
    /**
     * practice: feedback after every answer. check: a pre/post check, with no verdict, feedback or
     * source until the whole form is finished, shuffled questions and one attempt by default.
     */
    mode: z._default(z.enum(["practice", "check"]), "practice"),
    /** Shuffle the question order per attempt (always on for checks). */
    shuffleQuestions: z._default(z.boolean(), false),
    /** Ask "How sure are you?" before each answer. */
    confidence: z._default(z.boolean(), false),
    /** Certainty-based marking as Moodle defines it (needs `confidence`). */
    certaintyMarking: z._default(z.boolean(), false),
    /** Attempts each student may start; unlimited when absent, except a check allows 1. */
    attempts: z.optional(z.int().check(z.gte(1, "must be at least 1"), z.lte(100, "must be at most 100"))),
    form: z.optional(parallelForm),
    documents: z._default(z.array(documentId), []),
    questions: z.array(question).check(z.minLength(1, "a set needs at least one question"), z.maxLength(200, "at most 200 questions")),
  })
  .check(
    z.superRefine((set, ctx) => {
      const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
      const ids = set.questions.map((q) => q.id);
      ids.forEach((id, index) => {
        if (ids.indexOf(id) !== index) issue(["questions", index, "id"], `duplicate question id "${id}"`);
      });
      if (set.certaintyMarking && !set.confidence) issue(["certaintyMarking"], "certainty-based marking needs `confidence: true`");
      if (!set.questions.some(isScored)) issue(["questions"], "a set needs at least one scored question");
      set.questions.forEach((q, index) => {
        if (!set.skills.includes(q.skill)) issue(["questions", index, "skill"], `skill "${q.skill}" is not listed in the set's skills`);
        if (set.sources === "required" && q.sources.length === 0 && isScored(q)) {
          issue(["questions", index, "sources"], "needs at least one source quote (or mark the set `sources: none`)");
        }
        for (const field of ["passages", "sources"] as const) {
          q[field].forEach((ref, refIndex) => {
            if (!set.documents.includes(ref.document))
              issue(["questions", index, field, refIndex, "document"], `document "${ref.document}" is not listed in the set's documents`);
          });
        }
      });
      set.skills.forEach((skill, index) => {
        if (!set.questions.some((q) => q.skill === skill)) issue(["skills", index], `no question practises "${skill}"`);
      });
    }),
  );
export type QuestionSet = z.output<typeof questionSet>;
export type QuestionSetInput = z.input<typeof questionSet>;
/** The per-version settings stored with a set version and snapshotted into each attempt. */
export type SetSettings = Pick<QuestionSet, "mode" | "shuffleQuestions" | "confidence" | "certaintyMarking" | "attempts" | "form">;

export const documentMeta = z.strictObject({
  id: documentId,
  /** How students see the document named beside passages and in questions: "Report A", or a short title. */
  label: text(80),
  title: text(200),
  outlet: text(200),
  byline: z._default(text(200), "not stated"),
  date: text(200),
  kind: text(100),
  url: z.optional(z.url({ protocol: /^https?$/ })),
  provenance: z.array(text(1000)).check(z.minLength(1, "give at least one provenance note")),
});
export type DocumentMeta = z.output<typeof documentMeta>;

export interface SourceDocument extends DocumentMeta {
  body: string;
}

export { QUESTION_TYPES };
