import type { QuestionSet } from "../schema.ts";
import { writeGift } from "./gift.ts";
import { writeMoodleXml } from "./moodle-xml.ts";
import { type ExportDocument, toMoodle } from "./to-moodle.ts";

/** Any set, the built-in library included, as a file Moodle imports: GIFT or Moodle XML. */

export const EXPORT_FORMATS = ["gift", "moodle-xml"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type { ExportDocument };

export interface ExportedFile {
  body: string;
  contentType: string;
  fileName: string;
}

export function exportSet(slug: string, set: QuestionSet, documents: ReadonlyMap<string, ExportDocument>, format: ExportFormat): ExportedFile {
  const questions = set.questions.map((q) => {
    const exported = toMoodle(q, documents);
    if (format === "gift" && exported.question.usecase)
      exported.notes.push("case-sensitive matching cannot be written in GIFT (Moodle reads it as ignoring case): export as Moodle XML to keep it");
    if (format === "gift" && exported.question.answers.some((a) => a.numeric && "any" in a.numeric && a.fraction !== 0))
      exported.notes.push("GIFT gives any other number 0%: export as Moodle XML to keep its weight");
    return exported;
  });
  return format === "gift"
    ? { body: writeGift(set.title, set.summary, questions), contentType: "text/plain; charset=utf-8", fileName: `${slug}.gift.txt` }
    : { body: writeMoodleXml(set.title, set.summary, questions), contentType: "application/xml; charset=utf-8", fileName: `${slug}.moodle.xml` };
}
