// The id formats of the content schema, as plain patterns: the student Worker validates URLs
// with them without bundling the schema (src/content/schema.ts builds its checks on them too).

/** A set slug or a question id: lower-case letters, digits and hyphens. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A document id has the same shape as a slug ("002", "city-memo"). */
export const DOCUMENT_ID_PATTERN = SLUG_PATTERN;
/** An option id: a short run of lower-case letters or digits ("a", "t"). */
export const OPTION_ID_PATTERN = /^[a-z0-9]{1,12}$/;
