import { BadRequestError } from "../../lib/errors.ts";

/**
 * The draft revision a form was made from (a hidden field). Absent means the form does not
 * guard against stale pages; anything else that is not a whole number is a bad request.
 */
export function revisionOf(form: Record<string, unknown>): number | undefined {
  const value = form.revision;
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value))
    throw new BadRequestError("The form is missing its draft revision. Reload the page and try again.", [
      { path: "revision", message: "must be a whole number" },
    ]);
  return Number(value);
}
