import { env } from "cloudflare:workers";
import { unique } from "./fixtures.ts";
import { StudentBrowser } from "./student.ts";
import { signedInTeacher, studentSlug } from "./teacher-browser.ts";

/** Two single-choice questions quoting built-in document 002: enough for hand-checked results. */
export const TWO_QUESTION_SET = `title: "Two questions"
summary: A teacher's set for class management tests.
skills: [attribution]
documents: ["002"]
sources: none
questions:
  - id: who-said-it
    type: single
    skill: attribution
    difficulty: easy
    prompt: Who said the agency was behind the attack?
    options:
      - {id: a, text: An unnamed SBU official}
      - {id: b, text: Matthew Miller}
    answer: a
    explanation: Find who makes a claim before weighing it.
  - id: named
    type: single
    skill: attribution
    difficulty: easy
    prompt: Is the official named?
    options:
      - {id: yes, text: "Yes"}
      - {id: no, text: "No"}
    answer: "no"
    explanation: Anonymous sources are not named.
`;

/** A signed-in teacher with a class and a published two-question set assigned to it. */
export async function managedClass(name = "Year 9 news") {
  const { teacher, browser } = await signedInTeacher("Mr Adeyemi");
  const slug = unique("managed");
  await browser.get("/teach/sets/new");
  const created = await browser.postMultipart("/teach/sets", { slug, format: "auto", content: TWO_QUESTION_SET });
  if (created.status !== 303)
    throw new Error(
      `set upload failed: ${created.status} ${(await created.text())
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .slice(0, 1500)}`,
    );
  await browser.post(`/teach/sets/${slug}/publish`);
  await browser.get("/teach/classes");
  const made = await browser.post("/teach/classes", { name });
  const classId = /\/teach\/classes\/([0-9a-f-]{36})$/.exec(made.headers.get("Location") ?? "")?.[1] ?? "";
  await browser.get(`/teach/classes/${classId}`);
  const joinCode = /id="join-code">([A-Z0-9]+)</.exec(browser.lastHtml)?.[1] ?? "";
  await browser.post(`/teach/classes/${classId}/sets`, { slug });
  await browser.get(`/teach/classes/${classId}`);
  return { teacher, browser, slug, publicSlug: await studentSlug(browser, slug), classId, joinCode };
}

/** A new student who joins with the code; `studentId` is read back from D1 by name. */
export async function joinedStudent(joinCode: string, displayName: string) {
  const student = new StudentBrowser();
  await student.get(`/join/${joinCode}`);
  const joined = await student.post("/join", { code: joinCode, displayName });
  if (joined.status !== 303) throw new Error(`join failed: ${joined.status}`);
  const row = await env.DB.prepare("SELECT student_id FROM class_members WHERE display_name = ? ORDER BY joined_at DESC LIMIT 1").bind(displayName).first<{
    student_id: string;
  }>();
  return { student, studentId: row?.student_id ?? "" };
}

/** Answers question `number` of an attempt with one option id. */
export async function answer(student: StudentBrowser, attemptId: string, number: number, choice: string) {
  await student.get(`/attempts/${attemptId}/questions/${number}`);
  return student.post(`/attempts/${attemptId}/questions/${number}`, { choice });
}
