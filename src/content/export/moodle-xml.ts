import type { MoodleAnswer, MoodleQuestion, MoodleText } from "../import/moodle-question.ts";
import { XML_FORMAT_NAMES } from "../markup/moodle-text.ts";
import type { ExportedQuestion } from "./to-moodle.ts";

/**
 * Moodle XML as Moodle writes it (qformat_xml::writequestion), with the fields and defaults a
 * Moodle question bank expects for each type. Text goes in CDATA when it holds markup, as Moodle
 * does; characters XML 1.0 forbids are dropped.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Moodle's xml_escape: plain text as is, anything with markup characters in CDATA (split around "]]>"). */
function xmlText(value: string): string {
  const clean = value.replace(INVALID, "");
  return /[&<>"']/.test(clean) ? `<![CDATA[${clean.replace(/\]\]>/g, "]]]]><![CDATA[>")}]]>` : clean;
}

const comment = (value: string) => value.replace(INVALID, "").replace(/-{2,}/g, "-").replace(/-$/, "- ");
/** Drops binary rounding noise: (3.141 + 3.142) / 2 is 3.1415, not 3.1414999999999997. */
const tidy = (value: number) => Number(value.toPrecision(12));
const percent = (fraction: number) => String(Math.round(fraction * 1e7) / 1e5);

function textElement(tag: string, value: MoodleText | undefined, fallback: MoodleText["format"], indent = "    "): string {
  const format = XML_FORMAT_NAMES[value?.format ?? fallback];
  return `${indent}<${tag} format="${format}">\n${indent}  <text>${xmlText(value?.text ?? "")}</text>\n${indent}</${tag}>\n`;
}

function answerElement(answer: MoodleAnswer, q: MoodleQuestion, extra = ""): string {
  const format = XML_FORMAT_NAMES[answer.text.format];
  return [
    `    <answer fraction="${percent(answer.fraction)}" format="${format}">\n`,
    `      <text>${xmlText(answer.text.text)}</text>\n`,
    textElement("feedback", answer.feedback, q.questiontext.format, "      "),
    extra,
    "    </answer>\n",
  ].join("");
}

function combinedFeedback(q: MoodleQuestion): string {
  return ["correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"].map((tag) => textElement(tag, undefined, q.questiontext.format)).join("");
}

function typeFields(q: MoodleQuestion): string {
  switch (q.qtype) {
    case "multichoice":
      return [
        `    <single>${q.single ? "true" : "false"}</single>\n`,
        `    <shuffleanswers>${q.shuffle ? "true" : "false"}</shuffleanswers>\n`,
        "    <answernumbering>abc</answernumbering>\n    <showstandardinstruction>0</showstandardinstruction>\n",
        combinedFeedback(q),
        ...q.answers.map((a) => answerElement(a, q)),
      ].join("");
    case "truefalse":
      return q.answers.map((a) => answerElement({ ...a, text: { text: a.text.text, format: "moodle" } }, q)).join("");
    case "shortanswer":
      return `    <usecase>${q.usecase ? 1 : 0}</usecase>\n${q.answers.map((a) => answerElement({ ...a, text: { text: a.text.text, format: "moodle" } }, q)).join("")}`;
    case "numerical":
      return [
        ...q.answers.map((a) => {
          const n = a.numeric ?? { any: true };
          // Moodle keeps a value and a tolerance: a range min..max is its middle ± half its width.
          const [value, tolerance] =
            "any" in n ? ["*", 0] : "min" in n ? [String(tidy((n.min + n.max) / 2)), tidy((n.max - n.min) / 2)] : [String(n.value), n.tolerance];
          return answerElement({ ...a, text: { text: value, format: "moodle" } }, q, `      <tolerance>${tolerance}</tolerance>\n`);
        }),
        "    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0.1000000</unitpenalty>\n    <showunits>3</showunits>\n    <unitsleft>0</unitsleft>\n",
      ].join("");
    case "match":
      return [
        "    <shuffleanswers>true</shuffleanswers>\n",
        combinedFeedback(q),
        ...q.subquestions.map(
          (s) =>
            `    <subquestion format="${XML_FORMAT_NAMES[s.text.format]}">\n      <text>${xmlText(s.text.text)}</text>\n      <answer>\n        <text>${xmlText(s.answer)}</text>\n      </answer>\n    </subquestion>\n`,
        ),
      ].join("");
    case "essay":
      return [
        "    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n    <responsefieldlines>15</responsefieldlines>\n",
        "    <attachments>0</attachments>\n    <attachmentsrequired>0</attachmentsrequired>\n",
        textElement("graderinfo", undefined, "html"),
        textElement("responsetemplate", undefined, "html"),
      ].join("");
    default:
      return "";
  }
}

const PENALTY: Partial<Record<MoodleQuestion["qtype"], string>> = { truefalse: "1.0000000", essay: "0.0000000", description: "0.0000000" };

function questionElement({ question: q, notes }: ExportedQuestion): string {
  return [
    `  <!-- question: ${comment(q.name ?? "")} -->\n`,
    ...notes.map((note) => `  <!-- note: ${comment(note)} -->\n`),
    `  <question type="${q.qtype === "match" ? "matching" : q.qtype}">\n`,
    `    <name>\n      <text>${xmlText(q.name ?? "")}</text>\n    </name>\n`,
    textElement("questiontext", q.questiontext, "html"),
    textElement("generalfeedback", q.generalfeedback, q.questiontext.format),
    `    <defaultgrade>${q.qtype === "description" ? "0.0000000" : "1.0000000"}</defaultgrade>\n`,
    `    <penalty>${PENALTY[q.qtype] ?? "0.3333333"}</penalty>\n`,
    "    <hidden>0</hidden>\n    <idnumber></idnumber>\n",
    typeFields(q),
    "  </question>\n",
  ].join("");
}

export function writeMoodleXml(title: string, summary: string, questions: readonly ExportedQuestion[]): string {
  const category = [
    `  <!-- ${comment(title)}: exported from Sourcewise as Moodle XML -->\n`,
    '  <question type="category">\n',
    `    <category>\n      <text>${xmlText(`$course$/top/${title.replace(/\//g, "//")}`)}</text>\n    </category>\n`,
    `    <info format="moodle_auto_format">\n      <text>${xmlText(summary)}</text>\n    </info>\n`,
    "    <idnumber></idnumber>\n",
    "  </question>\n",
  ].join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${category}${questions.map(questionElement).join("")}</quiz>\n`;
}
