import { teachAssetPath } from "../../../teach-assets.ts";

/** The editor's own stylesheet and script: loaded only on teacher pages that need them. */
export function EditorAssets() {
  return (
    <>
      <link rel="stylesheet" href={teachAssetPath("editor.css")} />
      <script src={teachAssetPath("editor.js")} defer />
    </>
  );
}
