import type { MoodleAnswer, MoodleQuestion, MoodleText } from "../import/moodle-question.ts";
import type { ExportedQuestion } from "./to-moodle.ts";

/**
 * GIFT as Moodle writes it (qformat_gift::writequestion): reserved characters escaped, a
 * `[format]` marker where a text's format differs from the question's, weights as `%50%`.
 * Moodle reads the file back into the same questions; so does this project's importer.
 */

/** Moodle's repchar: escape GIFT's reserved characters and keep each text on one line. */
function escapeGift(text: string): string {
  return text
    .replace(/[\\#=~{}:]/g, "\\$&")
    .replace(/\r/g, "")
    .replace(/\n/g, "\\n");
}

/** Text with a marker when its format is not the question's (or when it starts with `[` and could be mistaken for one). */
function text(value: MoodleText, questionFormat: MoodleText["format"]): string {
  const marker = value.format !== questionFormat || value.text.startsWith("[") ? `[${value.format}]` : "";
  return `${marker}${escapeGift(value.text)}`;
}

const percent = (fraction: number) => String(Math.round(fraction * 1e7) / 1e5);

function feedback(answer: MoodleAnswer, format: MoodleText["format"]): string {
  return answer.feedback ? `#${text(answer.feedback, format)}` : "";
}

function generalFeedback(q: MoodleQuestion, indent: string): string {
  return q.generalfeedback ? `${indent}####${text(q.generalfeedback, q.questiontext.format)}${indent ? "\n" : ""}` : "";
}

function answers(q: MoodleQuestion): string {
  const format = q.questiontext.format;
  switch (q.qtype) {
    case "essay":
      return `{${generalFeedback(q, "")}}`;
    case "truefalse": {
      const right = q.answers.find((a) => a.fraction === 1);
      const wrong = q.answers.find((a) => a !== right);
      const wrongText = wrong?.feedback ? text(wrong.feedback, format) : "";
      const rightText = right?.feedback ? text(right.feedback, format) : "";
      return `{${right?.text.text === "false" ? "FALSE" : "TRUE"}${wrongText || rightText ? `#${wrongText}` : ""}${rightText ? `#${rightText}` : ""}${generalFeedback(q, "")}}`;
    }
    case "multichoice":
      return `{\n${q.answers
        .map((a) => {
          // A text starting with % would read as a weight: an explicit %0% keeps it text.
          const prefix = a.fraction === 1 && q.single ? "=" : a.fraction === 0 && !a.text.text.startsWith("%") ? "~" : `~%${percent(a.fraction)}%`;
          return `\t${prefix}${text(a.text, format)}${feedback(a, format)}\n`;
        })
        .join("")}${generalFeedback(q, "\t")}}`;
    case "shortanswer":
      return `{\n${q.answers.map((a) => `\t=%${percent(a.fraction)}%${escapeGift(a.text.text)}${feedback(a, format)}\n`).join("")}${generalFeedback(q, "\t")}}`;
    case "numerical":
      return `{#\n${q.answers
        .map((a) => {
          const n = a.numeric;
          if (!n || "any" in n) return `\t~${feedback(a, format) || "#"}\n`;
          const value = "min" in n ? `${n.min}..${n.max}` : `${n.value}:${n.tolerance}`;
          return `\t=%${percent(a.fraction)}%${value}${feedback(a, format)}\n`;
        })
        .join("")}${generalFeedback(q, "\t")}}`;
    case "match":
      // "->" separates an item from its answer, so an arrow inside the item is written as an entity.
      return `{\n${q.subquestions.map((s) => `\t=${text({ ...s.text, text: s.text.text.replace(/->/g, "-&gt;") }, format)} -> ${escapeGift(s.answer)}\n`).join("")}${generalFeedback(q, "\t")}}`;
    default:
      return "";
  }
}

export function writeGift(title: string, summary: string, questions: readonly ExportedQuestion[]): string {
  const header = [
    `// ${title.replace(/\s+/g, " ")}: exported from Sourcewise as GIFT for Moodle`,
    `// ${summary.replace(/\s+/g, " ")}`,
    `$CATEGORY: $course$/top/${title.replace(/\s+/g, " ").replace(/\//g, "//")}`,
  ].join("\n");
  const blocks = questions.map(({ question: q, notes }) => {
    const comments = [`// question: ${q.name ?? ""}`, ...notes.map((note) => `// note: ${note}`)].join("\n");
    const questionText = `${q.questiontext.format === "moodle" && !q.questiontext.text.startsWith("[") ? "" : `[${q.questiontext.format}]`}${escapeGift(q.questiontext.text)}`;
    const descriptionNote =
      q.qtype === "description" && q.generalfeedback ? "\n// note: a description cannot carry general feedback in GIFT; it was left out" : "";
    return `${comments}${descriptionNote}\n::${escapeGift(q.name ?? "")}::${questionText}${answers(q)}`;
  });
  return `${header}\n\n${blocks.join("\n\n")}\n`;
}
