/** Example request bodies shown in /api/docs and openapi.json (the docs page builds curl lines from them). */

export const EXAMPLE_SET_UPLOAD = {
  slug: "my-hedging-check",
  format: "aiken",
  title: "Spot the hedge",
  summary: "Which words make a claim less certain?",
  skill: "hedging",
  difficulty: "easy",
  content: "Which word hedges the claim “The bridge may reopen on Monday”?\nA. bridge\nB. may\nC. Monday\nANSWER: B",
};

const { slug: _slug, ...withoutSlug } = EXAMPLE_SET_UPLOAD;
export const EXAMPLE_SET_UPDATE = withoutSlug;

export const EXAMPLE_DOCUMENT_UPLOAD = {
  id: "council-bridge-statement",
  title: "Council statement on the river bridge",
  outlet: "City council press office",
  date: "3 March",
  text: "The council said the bridge would reopen on Monday.\nEngineers have not yet inspected the east span.",
};

export const EXAMPLE_QUESTION = {
  id: "hedge-word",
  type: "single",
  skill: "hedging",
  difficulty: "easy",
  prompt: "Which word hedges the claim “The bridge may reopen on Monday”?",
  options: [
    { id: "a", text: "bridge" },
    { id: "b", text: "may" },
    { id: "c", text: "Monday" },
  ],
  answer: ["b"],
  explanation: "“May” makes the reopening a possibility, not a promise.",
};
