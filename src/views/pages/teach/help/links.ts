/** Where the in-app help lives, so pages link to it from where it is needed. */
export const HELP = {
  guide: "/teach/help",
  format: "/teach/help/format",
  /** Moodle GIFT, Moodle XML and Aiken: every construct and what it becomes. */
  moodleFormats: "/teach/formats",
} as const;
