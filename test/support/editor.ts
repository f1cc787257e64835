import { env } from "cloudflare:workers";
import type { QuestionSet } from "../../src/content/schema.ts";
import { unique } from "./fixtures.ts";
import type { StudentBrowser } from "./student.ts";

/** The draft revision in the last page's forms. */
export function revisionOn(html: string): string {
  const found = /name="revision" value="(\d+)"/.exec(html)?.[1];
  if (!found) throw new Error("no revision field on the page");
  return found;
}

/** A teacher's set as stored: its draft JSON and revision, and how many versions it has. */
export async function storedSet(teacherId: string, slug: string) {
  const row = await env.DB.prepare(
    `SELECT s.id, s.draft, s.draft_revision, s.published, s.archived_at, s.public_slug,
       (SELECT count(*) FROM set_versions v WHERE v.set_id = s.id) AS versions
     FROM question_sets s WHERE s.owner_id = ? AND s.slug = ?`,
  )
    .bind(teacherId, slug)
    .first<{
      id: number;
      draft: string | null;
      draft_revision: number;
      published: number;
      archived_at: number | null;
      public_slug: string;
      versions: number;
    }>();
  if (!row) return undefined;
  return { ...row, draft: row.draft ? (JSON.parse(row.draft) as QuestionSet) : null };
}

/** Creates an empty set from the "Start from scratch" form; returns its slug. */
export async function blankSet(browser: StudentBrowser, slug = unique("scratch")): Promise<string> {
  await browser.get("/teach/sets/new");
  const created = await browser.post("/teach/sets/blank", { slug, title: "Reading a claim", summary: "Who says so, and how do we know?" });
  if (created.status !== 303) throw new Error(`blank set not created: ${created.status} ${await created.text()}`);
  return slug;
}

/** A single-choice question quoting built-in document 002, as the add form posts it. */
export function singleChoiceFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    type: "single",
    skill: "attribution",
    difficulty: "easy",
    id: "",
    prompt: "Who said the agency was behind the attack?",
    "options[0].text": "An unnamed SBU official",
    "options[0].feedback": "Right: the official is not named.",
    "options[0].correct": "on",
    "options[1].text": "Matthew Miller",
    "options[1].feedback": "No: he spoke for the State Department.",
    shuffle: "on",
    explanation: "Find who makes a claim before weighing it.",
    "sources[0].document": "002",
    "sources[0].quote": "An SBU official, speaking on the condition of anonymity",
    ...overrides,
  };
}

/** Adds a question through the add form (GET first, for the token and the revision). */
export async function addQuestion(browser: StudentBrowser, slug: string, fields: Record<string, string>): Promise<Response> {
  await browser.get(`/teach/sets/${slug}/edit/add?type=${fields.type ?? "single"}`);
  return browser.post(`/teach/sets/${slug}/edit/add`, { revision: revisionOn(browser.lastHtml), ...fields });
}

/** A valid one-question set quoting built-in document 002, in the project's YAML format. */
export function simpleYaml(title = "Who is speaking?"): string {
  return `title: "${title}"
summary: A teacher's own set.
skills: [attribution]
documents: ["002"]
questions:
  - id: who-said-it
    type: single
    skill: attribution
    difficulty: easy
    prompt: Who said the agency was behind the attack?
    options:
      - {id: a, text: An unnamed SBU official, feedback: "Right: the official is not named."}
      - {id: b, text: Matthew Miller, feedback: "No: he spoke for the State Department."}
    answer: a
    explanation: Find who makes a claim before weighing it.
    sources:
      - document: "002"
        quote: An SBU official, speaking on the condition of anonymity because they were not authorized to release the information, said the agency was behind the attack.
`;
}

/** Uploads a set through the "Add a set" form. */
export async function uploadSet(browser: StudentBrowser, slug: string, content: string, extra: Record<string, string> = {}): Promise<Response> {
  await browser.get("/teach/sets/new");
  return browser.postMultipart("/teach/sets", { slug, format: "auto", content, ...extra });
}

/** Publishes the set from its page (with the revision the page shows). */
export async function publish(browser: StudentBrowser, slug: string): Promise<Response> {
  await browser.get(`/teach/sets/${slug}`);
  const revision = /action="\/teach\/sets\/[^"]+\/publish"[\s\S]*?name="revision" value="(\d+)"/.exec(browser.lastHtml)?.[1];
  return browser.post(`/teach/sets/${slug}/publish`, revision ? { revision } : {});
}
