/**
 * The teacher editor's stylesheet and script, served by the teacher area only (see
 * src/routes/teach/assets.ts), so no student page carries their bytes. Every editor page works
 * without the script: it adds rows without a round trip, asks before deleting, warns before
 * leaving unsaved changes, and turns a text selection in the quote picker into offsets.
 */

const EDITOR_CSS = `
.field{margin:0 0 .25rem}
.field-error{color:var(--bad);font-weight:600;margin:-.5rem 0 .75rem}
[aria-invalid=true]{border:2px solid var(--bad)!important}
fieldset.rows>fieldset.row{border-style:dashed}
.row-actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
button.small,.button.small{padding:.3rem .7rem;font-size:.9rem}
input.short{max-width:12rem}
.cells{display:flex;flex-wrap:wrap;gap:0 1rem}.cells>.field{flex:1 1 9rem}
.actions.compact{margin-top:.25rem;gap:.5rem}
.actions form{margin:0}
ol.editor-questions{padding-left:1.5rem}ol.editor-questions>li{border-bottom:1px solid var(--line);padding:.5rem 0}
ol.editor-questions p{margin:.2rem 0;overflow-wrap:anywhere}
.add-question{margin:1rem 0}
.warnings{border:2px solid #8a6d00;background:#fff8e1;border-radius:.5rem;padding:.5rem 1rem;margin:1rem 0}
.picker .para{margin:.9rem 0;padding:.4rem .6rem;border-left:3px solid var(--line)}
.picker .sentence{display:inline;line-height:2}
.picker .sentence input{width:1.1rem;height:1.1rem;vertical-align:middle;margin:0 .3rem}
.picker .para-pick{font-size:.9rem;margin:0 0 .3rem}
#selection{border:2px solid var(--accent);border-radius:.5rem;padding:.5rem .8rem}
.sticky-actions{position:sticky;bottom:0;background:var(--paper);padding:.5rem 0;border-top:1px solid var(--line)}
pre.example{overflow-x:auto;background:var(--soft);border:1px solid var(--line);border-radius:.4rem;padding:.75rem;font-size:.85rem}
`;

const EDITOR_JS = `
(function(){
var d=document;
function renumber(row,from,to,list){
row.querySelectorAll("[name],[id],[for],[aria-describedby]").forEach(function(el){
["name","id","for","aria-describedby"].forEach(function(a){var v=el.getAttribute(a);if(v){el.setAttribute(a,v.split(list+"["+from+"]").join(list+"["+to+"]").split(list+"-"+from+"-").join(list+"-"+to+"-"))}});
if(el.type==="radio"&&el.name==="answer")el.value=String(to);
});
row.id=row.id.split(list+"-"+from).join(list+"-"+to);row.setAttribute("data-row",String(to));
var lg=row.querySelector("legend");if(lg)lg.textContent=lg.textContent.replace(/\\d+$/,String(to+1));
}
d.querySelectorAll("[data-add-row]").forEach(function(b){
b.hidden=false;
b.addEventListener("click",function(){
var set=b.closest("[data-list]"),list=set.getAttribute("data-list"),rows=set.querySelectorAll(":scope>fieldset.row");
var last=rows[rows.length-1];if(!last)return;
var from=Number(last.getAttribute("data-row")),copy=last.cloneNode(true);
renumber(copy,from,from+1,list);
copy.querySelectorAll("input,textarea,select").forEach(function(el){
if(el.type==="checkbox"||el.type==="radio")el.checked=false;else if(el.tagName==="SELECT")el.selectedIndex=0;else if(el.type!=="hidden")el.value="";
el.removeAttribute("aria-invalid");});
copy.querySelectorAll(".field-error").forEach(function(e){e.remove()});
last.after(copy);var f=copy.querySelector("textarea,input[type=text]");if(f)f.focus();
});});
d.querySelectorAll("form[data-confirm]").forEach(function(f){f.addEventListener("submit",function(e){if(!confirm(f.getAttribute("data-confirm")))e.preventDefault()})});
var dirty=false;
d.querySelectorAll("form[data-guard-changes]").forEach(function(f){f.addEventListener("input",function(){dirty=true});f.addEventListener("submit",function(){dirty=false})});
addEventListener("beforeunload",function(e){if(dirty){e.preventDefault();e.returnValue=""}});
var er=d.getElementById("form-errors")||d.getElementById("saved");if(er){er.setAttribute("tabindex","-1");er.focus()}
var pk=d.querySelector("[data-picker]");if(!pk)return;
var st=d.getElementById("pick-start"),en=d.getElementById("pick-end"),box=d.getElementById("selection"),shown=d.getElementById("selection-text");
function spans(){return pk.querySelectorAll("span[data-start]")}
function inside(node,span){return span.contains(node.nodeType===3?node.parentNode:node)}
function update(){
var s=getSelection();if(!s||s.rangeCount===0||s.isCollapsed)return;
var r=s.getRangeAt(0),hit=[];spans().forEach(function(sp){if(r.intersectsNode(sp))hit.push(sp)});
if(!hit.length)return;
var a=hit[0],b=hit[hit.length-1];
var start=Number(a.dataset.start)+(inside(r.startContainer,a)&&r.startContainer.nodeType===3?r.startOffset:0);
var end=inside(r.endContainer,b)&&r.endContainer.nodeType===3?Number(b.dataset.start)+r.endOffset:Number(b.dataset.end);
if(end<=start)return;
st.value=String(start);en.value=String(end);shown.textContent=s.toString().replace(/\\s+/g," ").trim();box.hidden=false;
}
d.addEventListener("selectionchange",update);
pk.addEventListener("click",function(e){var s=getSelection();if(s&&!s.isCollapsed&&e.target.tagName!=="INPUT")e.preventDefault()});
d.getElementById("clear-selection").addEventListener("click",function(){st.value="";en.value="";box.hidden=true;getSelection().removeAllRanges()});
})();
`;

function fingerprint(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36);
}

export const TEACH_ASSETS = {
  "editor.css": { body: EDITOR_CSS.trim(), type: "text/css; charset=utf-8" },
  "editor.js": { body: EDITOR_JS.trim(), type: "text/javascript; charset=utf-8" },
} as const;

export type TeachAssetName = keyof typeof TEACH_ASSETS;

export function teachAssetPath(name: TeachAssetName): string {
  return `/teach/assets/${fingerprint(TEACH_ASSETS[name].body)}/${name}`;
}
