import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema.ts";

/** Counts D1 round trips (a batch is one), so pages can report their query budget. */
export interface QueryCounter {
  readonly count: number;
}

const EXECUTING = new Set(["all", "run", "raw", "first"]);

/** A D1 binding, or a session on it (src/db/session.ts): both prepare statements and run batches. */
export type D1Client = D1Database | D1DatabaseSession;

function countingD1(d1: D1Client): { d1: D1Database; counter: QueryCounter } {
  const counter = { count: 0 };
  const wrapStatement = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        if (property === "bind") return (...args: unknown[]) => wrapStatement(value.apply(target, args));
        if (EXECUTING.has(String(property))) {
          return (...args: unknown[]) => {
            counter.count++;
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
  const proxy = new Proxy(d1, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "prepare") return (query: string) => wrapStatement(target.prepare(query));
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) => {
          counter.count++;
          return target.batch(statements);
        };
      }
      return value.bind(target);
    },
  });
  // Drizzle only prepares and batches, which a session does too.
  return { d1: proxy as D1Database, counter };
}

/** The one place the Drizzle client is created. */
export function createDb(binding: D1Client) {
  const { d1, counter } = countingD1(binding);
  return { db: drizzle(d1, { schema }), counter };
}

export type Database = ReturnType<typeof createDb>["db"];
