/**
 * A student's answer as stored in `responses.chosen`. Choice questions store option ids (as
 * every earlier attempt did); the other types store what was typed, entered or matched.
 */
export type ResponseValue = string[] | { text: string } | { text: string; value: number | null } | { matches: Record<string, string> } | { seen: true };
