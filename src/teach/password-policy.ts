import { COMMON_PASSWORDS } from "./common-passwords.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from "./password-length.ts";

/*
 * What a new teacher password must be, after OWASP ASVS 5.0 (V6) and NIST SP 800-63B-4: long,
 * not a common password, not mostly repeated or sequential characters, and not built from the
 * account's email or the service's name. No composition rules ("a digit and a symbol"): long
 * passphrases are welcome. Sign-up, password reset and `teacher:create` all call `passwordProblem`,
 * so the rules cannot drift apart. Runtime-neutral: the CLI runs it in Node.
 */

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** Fewer fresh characters than this (see `freshCharacters`) is "mostly repeated or sequential". */
const MIN_FRESH_CHARACTERS = 10;

const COMMON = new Set(COMMON_PASSWORDS);

/** Why a new password is not acceptable, in words for the person choosing it, or null. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH)
    return `Passwords need at least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a long password that is easy to remember.`;
  if (length > PASSWORD_MAX_LENGTH) return `Passwords can be at most ${PASSWORD_MAX_LENGTH} characters.`;
  const folded = password.normalize("NFKC").toLowerCase();
  if (COMMON.has(folded)) return "That password is on a list of the most common passwords, so it is among the first ones guessed. Choose another.";
  if (freshCharacters([...folded]) < MIN_FRESH_CHARACTERS)
    return "That password is mostly repeated or sequential characters (like aaaa, abcabc, 1234 or qwerty). Choose something less predictable, such as a few unrelated words.";
  const word = contextWords(context.email).find((w) => folded.includes(w));
  if (word) return `Passwords cannot contain "${word}", which is part of your email address or the name of this site.`;
  return null;
}

/** Words a guesser would try first for this account (NIST's "context-specific words"). */
function contextWords(email = ""): string[] {
  const local = email.normalize("NFKC").toLowerCase().split("@")[0] ?? "";
  const pieces = [local, ...local.split(/[^\p{L}\p{N}]+/u)];
  return ["sourcewise", ...pieces.filter((piece) => passwordLength(piece) >= 4)];
}

// Sequences people type: read either way, "abcd", "4321" and "qwerty" are sequential.
const SEQUENCES = ["abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
/** Every pair of characters where the second comes straight after the first in a sequence. */
const STEPS_UP = new Set(SEQUENCES.flatMap((s) => [...s].slice(1).map((c, i) => `${s[i]}${c}`)));

/** 1, 0 or -1 if b steps up a sequence from a, repeats it or steps down; otherwise null. */
function step(a: string, b: string): number | null {
  if (a === b) return 0;
  if (STEPS_UP.has(`${a}${b}`)) return 1;
  if (STEPS_UP.has(`${b}${a}`)) return -1;
  return null;
}

/**
 * How many characters of a password a guesser could not predict from what came before: a run
 * of three or more repeated or sequential characters counts once, and a copy of three or more
 * characters from earlier in the password counts not at all.
 */
export function freshCharacters(chars: string[]): number {
  let fresh = 0;
  for (let i = 0; i < chars.length; ) {
    const copy = copyLength(chars, i);
    const run = runLength(chars, i);
    if (copy >= run && copy >= 3) i += copy;
    else {
      fresh++;
      i += run >= 3 ? run : 1;
    }
  }
  return fresh;
}

/** The longest stretch from `at` that repeats characters from earlier (overlapping, as in "abababab"). */
function copyLength(chars: string[], at: number): number {
  let longest = 0;
  for (let from = 0; from < at; from++) {
    let length = 0;
    while (at + length < chars.length && chars[from + length] === chars[at + length]) length++;
    longest = Math.max(longest, length);
  }
  return longest;
}

/** The length of the run of equal steps (all repeats, all up or all down) starting at `at`. */
function runLength(chars: string[], at: number): number {
  const first = at + 1 < chars.length ? step(chars[at] as string, chars[at + 1] as string) : null;
  if (first === null) return 1;
  let end = at + 1;
  while (end + 1 < chars.length && step(chars[end] as string, chars[end + 1] as string) === first) end++;
  return end - at + 1;
}
