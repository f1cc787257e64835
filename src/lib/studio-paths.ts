// The teacher area and the JSON API: the URLs the student Worker hands to the studio Worker.
const STUDIO_PATH = /^[a-z]+:\/\/[^/]+\/(?:teach|api)(?:[/?#]|$)/i;

/** Whether a request URL belongs to the studio Worker: /teach, /teach/…, /api and /api/…. */
export function isStudioPath(url: string): boolean {
  return STUDIO_PATH.test(url);
}
