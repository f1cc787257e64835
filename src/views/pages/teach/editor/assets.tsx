import { teachAssetPath } from "../../../teach-assets.ts";

/** The teacher area's own stylesheet (and the editor's script): loaded only on the pages that need them. */
export function EditorAssets({ script = true }: { script?: boolean }) {
  return (
    <>
      <link rel="stylesheet" href={teachAssetPath("editor.css")} />
      {script ? <script src={teachAssetPath("editor.js")} defer /> : null}
    </>
  );
}
