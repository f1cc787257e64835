import { MAX_UPLOAD_BYTES } from "../../teach/upload.ts";

/** Plain-language notes for request fields, added to the generated schemas (the upload schemas are shared with the web form, which says these things in its own words). */

const SET_FIELD_NOTES: Record<string, string> = {
  slug: "The set's address: lower-case letters, digits and hyphens. Unique among your sets; it cannot be changed later.",
  format:
    "How `content` is written: `sourcewise` (the project's YAML or JSON question-set format), `gift`, `moodle-xml` or `aiken`. Left out, it is detected from the content when that is unambiguous; otherwise the answer is a 400 that asks for it.",
  content: `The set itself, as text in the chosen format. The whole request may be at most ${MAX_UPLOAD_BYTES / 1024} KB.`,
  title:
    "GIFT, Moodle XML and Aiken only: the set's title (a sourcewise file carries its own). Without it, an update keeps the set's title; a new set takes the file's first Moodle category, else the slug.",
  summary: "GIFT, Moodle XML and Aiken only: one or two sentences shown under the title.",
  skill:
    "GIFT, Moodle XML and Aiken only: the skill new questions practise (default `evidence`). An update keeps each matching question's skill, and new ones follow the set's most common skill unless this is sent.",
  difficulty: "GIFT, Moodle XML and Aiken only: the difficulty of new questions (default `medium`); an update keeps each matching question's, like `skill`.",
};

export const FIELD_NOTES: Record<string, Record<string, string>> = {
  SetUpload: SET_FIELD_NOTES,
  SetUpdate: { ...SET_FIELD_NOTES, slug: "Optional: if sent, it must be the slug in the URL." },
  DocumentUpload: {
    id: "The document's id, as sets cite it in `documents` and `sources`. Unique among your documents and the built-in ones.",
    title: "The headline, or a short description if there is none.",
    outlet: "Who published it.",
    byline: "Who wrote it.",
    date: "When it was published, as written in the source.",
    kind: "What it is, e.g. news report, press release.",
    url: "Where it was published (http or https), if anywhere.",
    provenance: "Where the text came from; one note per line.",
    text: "The text exactly as published. Quotes in sets must appear in it word for word.",
  },
};
