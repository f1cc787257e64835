import { parseXml, type XmlElement, XmlError } from "@rgrove/parse-xml";
import { type TextFormat, xmlFormat } from "../markup/moodle-text.ts";
import type { ImportLimits } from "./index.ts";
import type { MoodleAnswer, MoodleQuestion, MoodleText, MoodleType, NumericAnswer, ReadResult } from "./moodle-question.ts";

/**
 * Moodle XML (question/format/xml/format.php): the same fields and defaults Moodle reads, for
 * the types this project has. Other Moodle types (cloze, calculated, drag and drop…) are left
 * out with a reason. The parser neither loads external entities nor expands a DTD.
 */

/** One question that cannot be imported, and why. */
class Problem extends Error {}

/** A file Moodle could not read either: not XML, or not a <quiz>. */
export class UnreadableXml extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

const TYPES: Record<string, MoodleType> = {
  multichoice: "multichoice",
  truefalse: "truefalse",
  shortanswer: "shortanswer",
  numerical: "numerical",
  matching: "match",
  match: "match",
  essay: "essay",
  description: "description",
};
const TYPE_NAMES: Record<string, string> = {
  cloze: "embedded answers (cloze)",
  multianswer: "embedded answers (cloze)",
  calculated: "calculated",
  calculatedsimple: "simple calculated",
  calculatedmulti: "calculated multichoice",
  ddwtos: "drag and drop into text",
  gapselect: "select missing words",
  ddimageortext: "drag and drop onto image",
  ddmarker: "drag and drop markers",
  randomsamatch: "random short-answer matching",
  random: "random",
  ordering: "ordering",
};
/** Far more than any question may keep: stops hostile files early. */
const MAX_ANSWERS = 100;
const DEFAULT_FEEDBACK = new Set(["", "Your answer is correct.", "Your answer is partially correct.", "Your answer is incorrect."]);

const children = (element: XmlElement | undefined, name: string) =>
  (element?.children ?? []).filter((node): node is XmlElement => node.type === "element" && (node as XmlElement).name === name);
const child = (element: XmlElement | undefined, name: string) => children(element, name)[0];
/** The text of <name><text>…</text></name>, trimmed as Moodle does. */
const textIn = (element: XmlElement | undefined) => (child(element, "text")?.text ?? "").trim();
const value = (element: XmlElement | undefined, name: string) => child(element, name)?.text.trim();
/** Moodle's trans_single: "false", "0" or nothing is false; anything else true. */
const flag = (text: string | undefined, fallback: boolean) => (text === undefined ? fallback : !(text === "false" || text === "0" || text === ""));

function richText(element: XmlElement | undefined, fallback: TextFormat, dropped: Set<string>): MoodleText {
  if (children(element, "file").length > 0) dropped.add("files");
  return { text: textIn(element), format: xmlFormat(element?.attributes.format, fallback) };
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

export function readMoodleXml(text: string, limits: ImportLimits): ReadResult {
  let document: ReturnType<typeof parseXml>;
  try {
    document = parseXml(text.replace(/^\uFEFF/, ""), { includeOffsets: true, ignoreUndefinedEntities: true });
  } catch (error) {
    if (error instanceof XmlError) throw new UnreadableXml(error.line, `this is not well-formed XML: ${error.message.split("\n")[0]}`);
    throw error;
  }
  const root = document.root;
  if (root?.name !== "quiz") throw new UnreadableXml(1, "a Moodle XML file has <quiz> as its outermost element: export it again from Moodle's question bank");
  const lineAt = lineIndex(text);
  const result: ReadResult = { questions: [], problems: [], categories: [] };
  for (const element of children(root, "question")) {
    const line = lineAt(element.start);
    const type = element.attributes.type ?? "";
    if (type === "category") {
      result.categories.push(textIn(child(element, "category")));
      continue;
    }
    if (result.questions.length + result.problems.length === limits.questions) {
      result.stoppedAt = line;
      break;
    }
    const name = textIn(child(element, "name")) || undefined;
    const position = result.questions.length + result.problems.length + 1;
    const qtype = TYPES[type];
    if (!qtype) {
      const known = TYPE_NAMES[type];
      result.problems.push({
        line,
        position,
        ...(name ? { name } : {}),
        message: known
          ? `Moodle's ${known} questions have no equivalent here: rewrite it as multiple choice, short answer, numerical or matching`
          : `"${type.slice(0, 40)}" is not a Moodle question type this importer knows`,
      });
      continue;
    }
    try {
      result.questions.push({ ...readQuestion(element, qtype, line, name, limits), position });
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      result.problems.push({ line, position, ...(name ? { name } : {}), message: error.message });
    }
  }
  return result;
}

function readQuestion(element: XmlElement, qtype: MoodleType, line: number, name: string | undefined, limits: ImportLimits): MoodleQuestion {
  const dropped = new Set<string>();
  const questiontext = richText(child(element, "questiontext"), "html", dropped);
  const format = questiontext.format;
  const generalfeedback = richText(child(element, "generalfeedback"), format, dropped);
  const notes: string[] = [];
  const mark = Number(value(element, "defaultgrade") ?? "1");
  if (qtype !== "description" && qtype !== "essay" && Number.isFinite(mark) && Math.abs(mark - 1) > 1e-6)
    notes.push(`Moodle's default mark ${mark} is not kept: every question counts the same here`);
  if (children(element, "hint").length > 0) notes.push("hints for Moodle's multiple tries are not imported: students answer once here");
  const combined = ["correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"].filter((field) => !DEFAULT_FEEDBACK.has(textIn(child(element, field))));
  if (combined.length > 0)
    notes.push("the feedback for any correct, partly correct or incorrect response is not shown here: add it to the general feedback if students need it");

  const answers = children(element, "answer");
  if (answers.length > MAX_ANSWERS) throw new Problem(`too many answers (${answers.length}): a question can have at most ${limits.options}`);
  const answer = (node: XmlElement, text: MoodleText): MoodleAnswer => {
    const feedback = richText(child(node, "feedback"), format, dropped);
    return { text, fraction: Number(node.attributes.fraction ?? "0") / 100 || 0, ...(feedback.text ? { feedback } : {}) };
  };
  const question: MoodleQuestion = {
    qtype,
    line,
    ...(name ? { name } : {}),
    questiontext,
    ...(generalfeedback.text ? { generalfeedback } : {}),
    answers: [],
    subquestions: [],
    notes,
  };
  switch (qtype) {
    case "multichoice":
      question.single = flag(value(element, "single"), true);
      question.shuffle = flag(value(element, "shuffleanswers"), false);
      question.answers = answers.map((node) => answer(node, richText(node, format, dropped)));
      break;
    case "truefalse":
      // Old files name the answers in the site's language; Moodle then takes the first as true.
      question.answers = answers.slice(0, 2).map((node, index) => {
        const text = textIn(node);
        return answer(node, { text: text === "true" || text === "false" ? text : index === 0 ? "true" : "false", format: "plain" });
      });
      break;
    case "shortanswer":
      question.usecase = flag(value(element, "usecase"), false);
      question.answers = answers.map((node) => answer(node, { text: textIn(node), format: "plain" }));
      break;
    case "numerical":
      if (child(child(element, "units"), "unit")) notes.push("units are not imported: students type the number only");
      question.answers = answers.map((node) => ({ ...answer(node, { text: textIn(node), format: "plain" }), numeric: numeric(node) }));
      break;
    case "match":
      question.shuffle = flag(value(element, "shuffleanswers"), true);
      question.subquestions = children(element, "subquestion").map((node) => ({
        text: richText(node, format, dropped),
        answer: textIn(child(node, "answer")),
      }));
      break;
    case "essay":
      if (textIn(child(element, "graderinfo"))) notes.push("the information for graders is not imported: it is only for the people marking");
      if (textIn(child(element, "responsetemplate"))) notes.push("the response template is not imported: students start from an empty box");
      break;
  }
  if (dropped.has("files")) notes.push("files attached in Moodle (images, audio) are not imported");
  return question;
}

function numeric(node: XmlElement): NumericAnswer {
  const answer = textIn(node);
  if (answer === "*" || answer === "") return { any: true };
  const parsed = Number(answer);
  const tolerance = Number(value(node, "tolerance") ?? "0");
  if (!Number.isFinite(parsed) || !Number.isFinite(tolerance) || !/\d/.test(answer))
    throw new Problem(`the numerical answer "${answer.slice(0, 40)}" is not a number: write digits, e.g. 3.14`);
  return { value: parsed, tolerance: Math.abs(tolerance) };
}
