/** The whole stylesheet: small enough to keep a quiz page under 14 KB gzipped with its HTML. */
export const STYLESHEET = `
:root{--ink:#1b1f24;--muted:#555e68;--paper:#fff;--line:#c9ced4;--accent:#0b5cad;--accent-ink:#fff;--ok:#0f6b3a;--ok-bg:#e7f5ec;--bad:#a3241b;--bad-bg:#fdecea;--mark:#fff1a8;--soft:#f4f6f8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--paper)}
a{color:var(--accent)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:var(--paper);padding:.5rem;z-index:1}
header.site{border-bottom:1px solid var(--line);background:var(--soft)}
header.site div,main,footer{max-width:44rem;margin:0 auto;padding:0 1rem}
header.site div{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline;padding-block:.6rem}
header.site .brand{font-weight:700;font-size:1.15rem;text-decoration:none;color:var(--ink);margin-right:auto}
header.site nav a{margin-left:.75rem}
main{padding-block:1rem 3rem}
footer{color:var(--muted);font-size:.875rem;padding-block:1rem;border-top:1px solid var(--line)}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.75rem 0 .5rem}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
.muted,.meta{color:var(--muted)}.meta{font-size:.9rem;margin:.25rem 0}
ul.cards{list-style:none;padding:0}
.cards li{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0}
.cards h2{margin:0 0 .25rem;font-size:1.15rem}
.tags{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;padding:0;margin:.4rem 0}
.tags li{background:var(--soft);border:1px solid var(--line);border-radius:1rem;padding:0 .55rem;font-size:.85rem;margin:0}
figure{margin:1rem 0}
blockquote{margin:0;padding:.6rem .9rem;border-left:4px solid var(--accent);background:var(--soft)}
figcaption{font-size:.9rem;margin-top:.3rem;color:var(--muted)}
fieldset{border:1px solid var(--line);border-radius:.5rem;padding:.5rem 1rem 1rem;margin:1rem 0}
legend{font-weight:600;padding:0 .25rem;max-width:100%}
.choice{display:flex;gap:.6rem;align-items:flex-start;padding:.45rem 0}
.choice input{width:1.2rem;height:1.2rem;margin-top:.2rem;flex:none}
button,.button{display:inline-block;font:inherit;font-weight:600;background:var(--accent);color:var(--accent-ink);border:0;border-radius:.4rem;padding:.6rem 1.1rem;text-decoration:none;cursor:pointer}
button.secondary,.button.secondary{background:var(--paper);color:var(--accent);border:2px solid var(--accent)}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:1.25rem}
nav.teach{margin:0 0 1rem;padding-bottom:.6rem;border-bottom:1px solid var(--line)}
button.link{background:none;border:0;padding:0;color:var(--accent);font-weight:400;text-decoration:underline}
.result{border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0;border:2px solid}
.result.ok{background:var(--ok-bg);border-color:var(--ok)}.result.bad{background:var(--bad-bg);border-color:var(--bad)}
.result h2{margin:0 0 .25rem}
.result.ok h2{color:var(--ok)}.result.bad h2{color:var(--bad)}
ul.options{padding-left:1.2rem}ul.options li{margin:.4rem 0}
.badge{font-size:.8rem;font-weight:700;border-radius:.25rem;padding:0 .35rem;margin-left:.35rem;white-space:nowrap}
.badge.ok{background:var(--ok-bg);color:var(--ok)}.badge.bad{background:var(--bad-bg);color:var(--bad)}.badge.you{background:var(--soft);color:var(--ink);border:1px solid var(--line)}
.error{border:2px solid var(--bad);background:var(--bad-bg);padding:.6rem 1rem;border-radius:.5rem}
.warnings{border:2px solid var(--line);border-left:.4rem solid var(--mark);background:var(--soft);padding:.6rem 1rem;border-radius:.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
.table-wrap{overflow-x:auto}
.score{font-size:2rem;font-weight:700;margin:.25rem 0}
ol.review>li{margin:1rem 0}
mark{background:var(--mark);color:inherit;outline:2px solid #d8b600}
.reader p{margin:.7rem 0}
.reader .pn{color:var(--muted);font-size:.75rem;margin-right:.4rem;text-decoration:none}
dl.meta-list{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dl.meta-list dt{font-weight:600}dl.meta-list dd{margin:0;min-width:0;overflow-wrap:anywhere}
label{font-weight:600}
input[type=text],input[type=email],input[type=password],textarea,select{font:inherit;width:100%;padding:.45rem .6rem;border:1px solid #767f89;border-radius:.35rem;margin:.25rem 0 .75rem}
textarea{min-height:12rem;font-family:ui-monospace,monospace;font-size:.9rem}
.letter{display:inline-block;min-width:1.5rem;font-weight:700;color:var(--muted)}
ul.review-options{list-style:none;padding:0}ul.review-options li{border:1px solid var(--line);border-radius:.4rem;padding:.4rem .6rem;overflow-wrap:anywhere}
ul.review-options li.key{border-color:var(--ok)}ul.review-options li.wrong{border-color:var(--bad)}
.feedback{margin:.25rem 0 0;color:var(--muted)}
.result.part{background:var(--soft);border-color:var(--accent)}
.claim{border:2px dashed var(--line);border-radius:.5rem;padding:.5rem .8rem}
.sentences .sentence{display:inline}.sentences input{margin:0 .25rem}
.match{margin:.5rem 0}
.prompt{font-weight:700}.rich>:first-child{margin-top:0}pre{white-space:pre-wrap;overflow-wrap:anywhere}
legend,label,blockquote,td,th{overflow-wrap:anywhere}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:30rem){h1{font-size:1.35rem}header.site nav a{margin:0 .75rem 0 0}}
.report{border-top:2px solid var(--line);margin-top:1.5rem}.lead{font-size:1.15rem;font-weight:600}
caption{text-align:left;font-weight:600;padding:.25rem 0}
.chart{display:block;width:100%;max-width:30rem;height:auto;margin:.5rem 0;font-size:12px}
.chart .label,.chart .value,.chart .tick{fill:var(--ink)}.chart .tick{text-anchor:middle;fill:var(--muted)}.chart .end{text-anchor:end}
.chart .track{fill:var(--soft);stroke:var(--line)}.chart .bar{fill:var(--accent)}.chart .axis,.chart .grid{stroke:var(--line)}
.chart .dot{fill:var(--accent)}.chart .dot.g1{fill:var(--ok)}.chart .mean{stroke:var(--ink);stroke-width:2}
`;

/**
 * Progressive enhancement only: every page works without it. It stops double clicks on
 * submit buttons and moves focus to the verdict (or the error) after answering.
 */
export const SCRIPT = `
document.addEventListener("submit",function(e){var b=e.target.querySelector("button[type=submit]");if(b){setTimeout(function(){b.disabled=true;b.textContent="Sending…"},0)}});
var f=document.getElementById("verdict")||document.getElementById("answer-error");if(f){if(!f.hasAttribute("tabindex"))f.setAttribute("tabindex","-1");f.focus()}
`;
