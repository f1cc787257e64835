/**
 * Students' addresses for teachers' sets and documents: the teacher's name for it plus a random
 * suffix (`hedging-k3x9q2`). Unique everywhere without asking whether another teacher uses the
 * name, so choosing a name never reveals anything about anyone else's.
 */
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const SUFFIX_LENGTH = 6;
/** Names are at most 64 characters (the slug and document id pattern), suffix included. */
const MAX_NAME = 64;

export function publicName(name: string): string {
  let suffix = "";
  // Rejection-free: 256 is a multiple of the alphabet's 32 letters.
  for (const byte of crypto.getRandomValues(new Uint8Array(SUFFIX_LENGTH))) suffix += ALPHABET[byte % ALPHABET.length];
  const stem = name.slice(0, MAX_NAME - SUFFIX_LENGTH - 1).replace(/-+$/, "");
  return `${stem}-${suffix}`;
}
