/** Random tokens and their stored hashes. Only hashes reach the database. */

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** No 0/O, 1/I/L or 5/S: codes are read aloud and copied from a board. */
const UNAMBIGUOUS = "ABCDEFGHJKMNPQRTUVWXYZ2346789";

export function joinCode(length = 6): string {
  // Rejection sampling keeps every character equally likely.
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 256 - (256 % UNAMBIGUOUS.length) && out.length < length) out.push(UNAMBIGUOUS[byte % UNAMBIGUOUS.length] as string);
    }
  }
  return out.join("");
}

export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export const API_TOKEN_PREFIX = "swt_";
export const INVITE_PREFIX = "swi_";
export const PASSWORD_RESET_PREFIX = "swr_";
