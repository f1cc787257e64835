import { Browser } from "./bench-client.ts";
import type { Cluster, D1Database } from "./bench-cluster.ts";
import { PoolEmpty } from "./bench-load.ts";

/**
 * The student side of `npm run bench`: virtual students who start attempts through the app, the
 * answers they will send (each question once), and the check afterwards that every answer the
 * app acknowledged is in D1 exactly once.
 */

const CHOICE_TYPES = new Set(["single", "multiple", "true_false", "claim", "evidence"]);
/** Unfinished attempts a student may hold per set (src/db/queries/attempt-limits.ts). */
const ATTEMPTS_PER_SET = 3;

export interface Students {
  browsers: Browser[];
  /** Question pages no one answers, for the question-page case. */
  questionPages: { browser: Browser; path: string }[];
  /** Attempt id → the browser that owns it. */
  owners: Map<string, Browser>;
}

async function practiceSlugs(base: URL): Promise<string[]> {
  const home = await new Browser(base).page("/", "</main>");
  return [...new Set([...home.matchAll(/href="\/sets\/([a-z0-9-]+)"/g)].map((m) => m[1] as string))];
}

async function start(browser: Browser, slug: string): Promise<string> {
  const { status, location } = await browser.post(`/sets/${slug}/attempts`, {});
  const id = /^\/attempts\/([^/]+)\/questions\/1$/.exec(location)?.[1];
  if (status !== 303 || !id) throw new Error(`starting ${slug}: ${status} ${location}`);
  return id;
}

export async function prepareStudents(base: URL, count: number): Promise<Students> {
  const slugs = (await practiceSlugs(base)).filter((slug) => !slug.startsWith("diagnostic"));
  const students: Students = { browsers: [], questionPages: [], owners: new Map() };
  await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const browser = new Browser(base);
      await browser.openForm(`/sets/${slugs[0]}`);
      students.browsers.push(browser);
      for (const slug of slugs) {
        // The first student of every ten keeps one attempt per set unanswered, for question pages.
        const reserved = index % 10 === 0 ? await start(browser, slug) : undefined;
        if (reserved) for (let n = 1; n <= 10; n++) students.questionPages.push({ browser, path: `/attempts/${reserved}/questions/${n}` });
        for (let i = reserved ? 1 : 0; i < ATTEMPTS_PER_SET; i++) students.owners.set(await start(browser, slug), browser);
      }
    }),
  );
  return students;
}

interface Answer {
  attemptId: string;
  questionId: number;
  number: number;
  choice: string;
}

export interface AnswerPool {
  answers: Answer[];
  acknowledged: Answer[];
  /** Sends the next prepared answer; throws PoolEmpty when none is left. */
  send(): Promise<void>;
  owners: Map<string, Browser>;
}

/** One answer for every choice question of every attempt the students started. */
export async function prepareAnswers(db: D1Database, students: Students): Promise<AnswerPool> {
  const { results } = await db
    .prepare(
      `SELECT a.id AS attemptId, a.question_order AS questionOrder, q.id AS questionId, q.position AS position, q.type AS type, q.content AS content
       FROM attempts a JOIN questions q ON q.set_version_id = a.set_version_id WHERE a.class_id IS NULL AND a.finished_at IS NULL`,
    )
    .all<{ attemptId: string; questionOrder: string | null; questionId: number; position: number; type: string; content: string }>();
  const answers: Answer[] = [];
  for (const row of results) {
    if (!students.owners.has(row.attemptId) || !CHOICE_TYPES.has(row.type)) continue;
    const order = row.questionOrder ? (JSON.parse(row.questionOrder) as number[]) : undefined;
    const number = order ? order.indexOf(row.position) + 1 : row.position;
    const options = (JSON.parse(row.content) as { options: { id: string }[] }).options;
    answers.push({ attemptId: row.attemptId, questionId: row.questionId, number, choice: options[row.questionId % options.length]?.id ?? "" });
  }
  // Shuffled, so concurrent clients rarely answer the same attempt at once (but sometimes do).
  for (let i = answers.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [answers[i], answers[j]] = [answers[j] as Answer, answers[i] as Answer];
  }
  let next = 0;
  const pool: AnswerPool = {
    answers,
    acknowledged: [],
    owners: students.owners,
    async send() {
      const answer = answers[next++];
      if (!answer) throw new PoolEmpty();
      const browser = students.owners.get(answer.attemptId) as Browser;
      const path = `/attempts/${answer.attemptId}/questions/${answer.number}`;
      const { status, location } = await browser.post(path, { question: String(answer.questionId), choice: answer.choice });
      if (status !== 303 || location !== path) throw new Error(`answer POST: ${status} ${location.replace(/[0-9a-f-]{36}/, ":id")}`);
      pool.acknowledged.push(answer);
    },
  };
  return pool;
}

/**
 * After the run: every acknowledged answer is in D1; no attempt's counts disagree with its
 * responses; replaying acknowledged answers (a double submit) changes nothing; every bare and
 * shard insert is there.
 */
export async function checkIntegrity(cluster: Cluster, pool: AnswerPool, sent: { baselineInserts: number; shardInserts: number }) {
  const failures: string[] = [];
  const db = cluster.appDb;
  const replays = pool.acknowledged.slice(0, 100);
  await Promise.all(
    replays.map(async (answer) => {
      const path = `/attempts/${answer.attemptId}/questions/${answer.number}`;
      const { status, location } = await (pool.owners.get(answer.attemptId) as Browser).post(path, {
        question: String(answer.questionId),
        choice: answer.choice,
      });
      if (status !== 303 || location !== `${path}?already=1`) failures.push(`a replayed answer was not recognised as already recorded: ${status} ${location}`);
    }),
  );
  const { results: stored } = await db
    .prepare("SELECT r.attempt_id AS attemptId, r.question_id AS questionId FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.class_id IS NULL")
    .all<{ attemptId: string; questionId: number }>();
  const keys = new Set(stored.map((r) => `${r.attemptId}/${r.questionId}`));
  const lost = pool.acknowledged.filter((a) => !keys.has(`${a.attemptId}/${a.questionId}`));
  if (lost.length > 0) failures.push(`${lost.length} acknowledged answers are not in D1 (lost writes)`);
  if (stored.length !== pool.acknowledged.length) failures.push(`${stored.length} responses stored for ${pool.acknowledged.length} acknowledged answers`);
  const miscounted = await db
    .prepare(
      `SELECT count(*) AS n FROM attempts a WHERE a.class_id IS NULL AND (
         a.answered_count != (SELECT count(*) FROM responses r WHERE r.attempt_id = a.id)
         OR a.correct_count != (SELECT count(*) FROM responses r WHERE r.attempt_id = a.id AND r.is_correct = 1))`,
    )
    .first<{ n: number }>();
  if ((miscounted?.n ?? 0) > 0) failures.push(`${miscounted?.n} attempts whose counts disagree with their responses (double counts)`);
  const bare = await cluster.baselineDb.prepare("SELECT count(*) AS n FROM answers").first<{ n: number }>();
  if (bare?.n !== sent.baselineInserts) failures.push(`bare Worker: ${bare?.n} rows for ${sent.baselineInserts} inserts`);
  let sharded = 0;
  for (const shard of cluster.shardDbs) sharded += (await shard.prepare("SELECT count(*) AS n FROM answers").first<{ n: number }>())?.n ?? 0;
  if (sharded !== sent.shardInserts) failures.push(`shards: ${sharded} rows for ${sent.shardInserts} inserts`);
  return { failures, acknowledged: pool.acknowledged.length, replayed: replays.length };
}
