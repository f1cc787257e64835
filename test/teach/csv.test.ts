import { describe, expect, it } from "vitest";
import { classResultsCsv, toCsv } from "../../src/teach/csv.ts";
import type { ClassResults, StudentResult } from "../../src/teach/results.ts";

describe("toCsv", () => {
  it("joins fields with commas and ends every record with CRLF", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toBe("a,b\r\nc,d\r\n");
    expect(toCsv([])).toBe("");
  });

  it("writes null as an empty field and numbers as they are", () => {
    expect(toCsv([[null, 0, 12.5, "x", null]])).toBe(",0,12.5,x,\r\n");
  });

  it("quotes fields with commas, quotes, CR or LF, doubling inner quotes", () => {
    expect(toCsv([["Smith, Jo", 'say "hi"', "two\nlines", "cr\rhere", "crlf\r\nhere", "plain"]])).toBe(
      '"Smith, Jo","say ""hi""","two\nlines","cr\rhere","crlf\r\nhere",plain\r\n',
    );
    expect(toCsv([['"']])).toBe('""""\r\n');
  });

  it("neutralises every formula prefix in text", () => {
    expect(toCsv([["=1+1"], ["+1"], ["-1"], ["@SUM(A1)"], ["\tx"], ["\rx"]])).toBe(
      ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", '"\'\rx"'].map((line) => `${line}\r\n`).join(""),
    );
  });

  it("neutralises full-width and other compatibility forms of the prefixes (NFKC), keeping the text as written", () => {
    expect(toCsv([["＝1+1"], ["＋1"], ["－1"], ["＠SUM(A1)"], ["﹦1+1"], ["\t＝1"]])).toBe(
      ["'＝1+1", "'＋1", "'－1", "'＠SUM(A1)", "'﹦1+1", "'\t＝1"].map((line) => `${line}\r\n`).join(""),
    );
  });

  it("neutralises before quoting", () => {
    expect(toCsv([['=HYPERLINK("http://x")', "-2,3"]])).toBe('"\'=HYPERLINK(""http://x"")","\'-2,3"\r\n');
  });

  it("leaves formula characters alone when they are not first, and leaves numbers alone", () => {
    expect(toCsv([["a=b", " =x", "x-y", -1]])).toBe("a=b, =x,x-y,-1\r\n");
  });
});

function student(name: string, change: Partial<StudentResult> = {}): StudentResult {
  return {
    studentId: name,
    name,
    attempts: 1,
    finishedAttempts: 1,
    firstScore: { marks: 3, total: 4, percent: 75 },
    bestScore: { marks: 3, total: 4, percent: 75 },
    timeTakenMs: 300_000,
    version: 2,
    lateAnswers: 0,
    ...change,
  };
}

describe("classResultsCsv", () => {
  it("writes a header and one row per student", () => {
    const results: ClassResults = {
      students: [
        student("Ana", { attempts: 2, finishedAttempts: 2, bestScore: { marks: 4, total: 4, percent: 100 }, timeTakenMs: 750_600, version: 1 }),
        student("Cleo", { finishedAttempts: 0, firstScore: null, bestScore: null, timeTakenMs: null, version: null }),
        student("Lee, Sam", { timeTakenMs: 1_499 }),
        student('=HYPERLINK("http://x")', { firstScore: { marks: 2, total: 3, percent: 67 }, bestScore: { marks: 2, total: 3, percent: 67 } }),
      ],
      questions: [],
      skills: [],
    };
    expect(classResultsCsv(results, "=Set title")).toBe(
      [
        "Student,Attempts,First score,First percent,Best score,Time taken (seconds),Version",
        "Ana,2,3 of 4,75,4 of 4,751,1",
        "Cleo,1,,,,,",
        '"Lee, Sam",1,3 of 4,75,3 of 4,1,2',
        '"\'=HYPERLINK(""http://x"")",1,2 of 3,67,2 of 3,300,2',
      ]
        .map((line) => `${line}\r\n`)
        .join(""),
    );
  });

  it("writes partial credit as marks: 2.5 of 4", () => {
    const results: ClassResults = { students: [student("Ana", { firstScore: { marks: 2.5, total: 4, percent: 63 } })], questions: [], skills: [] };
    expect(classResultsCsv(results, "Set").split("\r\n")[1]).toBe("Ana,1,2.5 of 4,63,3 of 4,300,2");
  });

  it("writes only the header for an empty class", () => {
    expect(classResultsCsv({ students: [], questions: [], skills: [] }, "Set")).toBe(
      "Student,Attempts,First score,First percent,Best score,Time taken (seconds),Version\r\n",
    );
  });
});
