import * as z from "zod/mini";

/** How long a new API token may work, as offered on the Account page (the first is the default). */
export const TOKEN_LIFETIMES = [
  { value: "90", label: "90 days", days: 90 },
  { value: "30", label: "30 days", days: 30 },
  { value: "365", label: "1 year", days: 365 },
  { value: "never", label: "Never expires", days: null },
] as const;

export const TOKEN_SCOPES = [
  { value: "write", label: "Read and write" },
  { value: "read", label: "Read only (GET)" },
] as const;

/** The Account page's "Create token" form. */
export const tokenForm = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, "Name the token."), z.maxLength(60, "Token names are at most 60 characters.")),
  // Scripts that post only a name get the form's defaults.
  scope: z._default(z.enum(["write", "read"], "Choose what the token may do."), "write"),
  lifetime: z._default(z.enum(["90", "30", "365", "never"], "Choose when the token expires."), "90"),
  _csrf: z.string(),
});

export type TokenForm = z.output<typeof tokenForm>;

/** When a token created now with this lifetime expires; null if it does not. */
export function tokenExpiry(lifetime: TokenForm["lifetime"], now = Date.now()): Date | null {
  const days = TOKEN_LIFETIMES.find((choice) => choice.value === lifetime)?.days ?? null;
  return days === null ? null : new Date(now + days * 24 * 60 * 60 * 1000);
}
