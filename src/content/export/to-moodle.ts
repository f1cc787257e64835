import { ANY_NUMBER, type MoodleAnswer, type MoodleQuestion, type MoodleText } from "../import/moodle-question.ts";
import { escapeHtml } from "../markup/markdown.ts";
import { resolveReferences } from "../references.ts";
import type { Question, SourceRef } from "../schema.ts";

/**
 * A question of any type as a Moodle question. Moodle has no passages, sources or document
 * references, so they are written into the text: passages, context and the claim before the
 * question, sources after the explanation in the general feedback. The set then works on its
 * own in Moodle. What Moodle cannot express is listed in `notes` (written into the file).
 */

export interface ExportDocument {
  id: string;
  label: string;
  title: string;
  url: string | null;
}

export interface ExportedQuestion {
  question: MoodleQuestion;
  notes: string[];
}

const round = (value: number) => Math.round(value * 1e7) / 1e7;

export function toMoodle(q: Question, documents: ReadonlyMap<string, ExportDocument>): ExportedQuestion {
  const notes: string[] = [];
  const name = (document: string) => documents.get(document)?.label || documents.get(document)?.title || "the source document";
  const resolve = (text: string) => resolveReferences(text, (r) => (r.paragraph ? `${name(r.document)}, paragraph ${r.paragraph}` : name(r.document)));
  const html = q.markup === "html" || q.context !== undefined || q.passages.length > 0 || q.sources.length > 0 || q.type === "claim";
  // Plain text stays Moodle's default format; newlines collapse on our pages, so they become spaces.
  const inline = (text: string) => (q.markup === "html" ? text : html ? escapeHtml(resolve(text)) : escapeHtml(resolve(text).replace(/\s*\n\s*/g, " ")));
  const block = (text: string) => (q.markup === "html" ? text : `<p>${escapeHtml(resolve(text))}</p>`);
  const rich = (text: string | undefined): MoodleText | undefined =>
    text === undefined ? undefined : { text: inline(text), format: html ? "html" : "moodle" };
  // As the Citation on our pages: the document's label, then its title.
  const cite = (source: SourceRef) => {
    const document = documents.get(source.document);
    const title = document && document.title !== name(source.document) ? `: ${escapeHtml(document.title)}` : "";
    const link = document?.url ? ` <a href="${escapeHtml(document.url)}">${escapeHtml(document.url)}</a>` : "";
    return `<blockquote><p>${escapeHtml(source.quote).replace(/\n/g, "<br>")}</p></blockquote><p>From ${escapeHtml(name(source.document))}${title}${link}</p>`;
  };

  const before = [
    q.context === undefined ? "" : block(q.context),
    q.passages.map(cite).join(""),
    q.type === "claim" ? `<p><strong>Claim:</strong> ${inline(q.claim)}</p>` : "",
  ].join("");
  const questiontext: MoodleText = html ? { text: `${before}${block(q.prompt)}`, format: "html" } : { text: inline(q.prompt), format: "moodle" };
  const after = q.sources.length > 0 ? `<p><strong>Sources</strong></p>${q.sources.map(cite).join("")}` : "";
  const explanation = q.explanation === undefined ? "" : html ? block(q.explanation) : inline(q.explanation);
  const general = `${explanation}${after}`;
  const base: MoodleQuestion = {
    qtype: "description",
    line: 0,
    name: q.id,
    questiontext,
    ...(general ? { generalfeedback: { text: general, format: html ? "html" : "moodle" } } : {}),
    answers: [],
    subquestions: [],
    notes,
  };
  const answer = (text: string, fraction: number, feedback: string | undefined): MoodleAnswer => ({
    text: rich(text) as MoodleText,
    fraction,
    ...(feedback ? { feedback: rich(feedback) } : {}),
  });

  switch (q.type) {
    case "essay":
    case "description":
      return { question: { ...base, qtype: q.type }, notes };
    case "true_false":
      return {
        question: {
          ...base,
          qtype: "truefalse",
          answers: (["True", "False"] as const).map((label) => {
            const option = q.options.find((o) => o.text.toLowerCase() === label.toLowerCase());
            const feedback = option?.feedback === undefined ? undefined : rich(option.feedback);
            return {
              text: { text: label.toLowerCase(), format: "plain" },
              fraction: option && q.answer.includes(option.id) ? 1 : 0,
              ...(feedback ? { feedback } : {}),
            };
          }),
        },
        notes,
      };
    case "single":
    case "claim":
      if (q.type === "claim") notes.push("a claim judgement becomes a multiple-choice question with the claim in its text");
      return {
        question: {
          ...base,
          qtype: "multichoice",
          single: true,
          shuffle: q.shuffle,
          answers: q.options.map((o) => answer(o.text, q.answer.includes(o.id) ? 1 : (o.weight ?? 0) / 100, o.feedback)),
        },
        notes,
      };
    case "multiple":
    case "evidence": {
      const weighted = q.options.some((o) => o.weight !== undefined);
      if (!weighted)
        notes.push(
          "all or nothing here; Moodle has no such multiple-answer type, so each right option is worth an equal share and any wrong one takes all the marks away",
        );
      const share = round(1 / q.answer.length);
      return {
        question: {
          ...base,
          qtype: "multichoice",
          single: false,
          shuffle: q.type === "multiple" && q.shuffle,
          answers: q.options.map((o) => answer(o.text, weighted ? (o.weight ?? 0) / 100 : q.answer.includes(o.id) ? share : -1, o.feedback)),
        },
        notes,
      };
    }
    case "short_answer":
      return {
        question: {
          ...base,
          qtype: "shortanswer",
          usecase: q.caseSensitive,
          answers: q.answers.map((a) => ({ ...answer(a.text, a.weight / 100, a.feedback), text: { text: a.text, format: "plain" } })),
        },
        notes,
      };
    case "numerical":
      return {
        question: {
          ...base,
          qtype: "numerical",
          answers: q.answers.map((a) => ({
            ...answer("", a.weight / 100, a.feedback),
            text: { text: "", format: "plain" },
            numeric:
              a.value !== undefined
                ? { value: a.value, tolerance: a.tolerance ?? 0 }
                : a.min === ANY_NUMBER.min && a.max === ANY_NUMBER.max
                  ? { any: true }
                  : { min: a.min as number, max: a.max as number },
          })),
        },
        notes,
      };
    case "matching":
      return {
        question: {
          ...base,
          qtype: "match",
          shuffle: true,
          subquestions: [
            ...q.pairs.map((p) => ({ text: rich(p.prompt) as MoodleText, answer: p.answer })),
            ...q.distractors.map((d) => ({ text: { text: "", format: questiontext.format }, answer: d })),
          ],
        },
        notes,
      };
  }
}
