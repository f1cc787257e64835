import type { SetSettings } from "../content/schema.ts";

/** Attempts each student may start on a set: its `attempts` setting; a check allows 1 unless it says more. Null: unlimited. */
export function allowedAttempts(settings: Pick<SetSettings, "attempts" | "mode">): number | null {
  return settings.attempts ?? (settings.mode === "check" ? 1 : null);
}
