/**
 * The whole stylesheet. It counts against every page's 14 KB budget (gzipped, with the HTML and
 * the script), so it stays plain: custom properties for light, dark and forced colours, one
 * type scale, and a grid that puts passages beside the question from 900 px.
 */
export const STYLESHEET = `
:root{color-scheme:light dark;--ink:#1d232a;--muted:#545e69;--paper:#fff;--card:#fff;--soft:#f2f4f7;--line:#d5dae0;--edge:#79838e;--accent:#1d5da8;--accent-ink:#fff;--accent-soft:#e9f1fb;--ok:#136a39;--ok-bg:#e6f4ec;--bad:#a5271c;--bad-bg:#fcebe9;--part:#7a4d00;--part-bg:#fdf3df;--mark:#ffe47a;--focus:#b54d00}
@media (prefers-color-scheme:dark){:root{--ink:#e7eaee;--muted:#a8b1bb;--paper:#14171b;--card:#1b1f25;--soft:#21262d;--line:#363d46;--edge:#7d8793;--accent:#8cbcff;--accent-ink:#0c1828;--accent-soft:#1b2940;--ok:#7bd9a0;--ok-bg:#13301f;--bad:#ff9d92;--bad-bg:#3b1b18;--part:#f3c46b;--part-bg:#33290f;--mark:#6a5400;--focus:#ffb35c}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--paper)}
a{color:var(--accent);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:3px}[tabindex="-1"]:focus{outline:0}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:var(--paper);padding:.5rem;z-index:1}
header.site{border-bottom:1px solid var(--line)}
header.site>div,main,footer>div{max-width:46rem;margin:0 auto;padding:0 1rem}
main:has(.wide),body:has(.wide) header.site>div,body:has(.wide) footer>div{max-width:80rem}
header.site>div{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;align-items:center;padding-block:.55rem}
.brand{display:flex;gap:.5rem;align-items:center;font-weight:700;font-size:1.15rem;letter-spacing:-.01em;text-decoration:none;color:var(--ink);margin-right:auto}
.logo{width:1.7rem;height:1.7rem;flex:none}.logo rect{fill:var(--accent)}.logo path{stroke:var(--paper);stroke-width:2;stroke-linecap:round;fill:none}
header.site nav{display:flex;gap:1rem;font-size:.95rem}
main{padding-block:1rem 3rem}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.875rem}footer>div{padding-block:1rem}
h1,h2,h3{line-height:1.25;font-weight:650;letter-spacing:-.01em}
h1{font-size:1.6rem;margin:.4rem 0 .9rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem}
h3{font-size:1.075rem;margin:1.25rem 0 .4rem}
p{margin:.6rem 0}
.muted,.meta{color:var(--muted)}.meta{font-size:.9rem;margin:.25rem 0}
.lead{font-size:1.15rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.tags{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;padding:0;margin:.5rem 0}
.tags li{background:var(--soft);border:1px solid var(--line);border-radius:1rem;padding:0 .6rem;font-size:.8rem}
ul.cards,ul.sets{list-style:none;padding:0;display:grid;gap:1rem;margin:1rem 0}
.cards>li,.sets>li{border:1px solid var(--line);border-radius:.75rem;padding:1rem 1.1rem;background:var(--card)}
.sets h3,.cards h2{margin:0 0 .2rem;font-size:1.1rem}
@media (min-width:40rem){ul.sets{grid-template-columns:1fr 1fr}}
.hero{padding:1.25rem 0 .5rem}.hero h1{font-size:1.9rem}
.steps{display:grid;gap:.5rem;padding:0;list-style:none;counter-reset:s}
.steps li{counter-increment:s;padding-left:2.2rem;position:relative}
.steps li::before{content:counter(s);position:absolute;left:0;width:1.6rem;height:1.6rem;border-radius:50%;background:var(--accent-soft);color:var(--ink);text-align:center;font-weight:700;line-height:1.6rem}
figure{margin:1rem 0}
blockquote{margin:0;padding:.6rem .9rem;border-left:4px solid var(--accent);background:var(--soft);border-radius:0 .4rem .4rem 0}
blockquote p{margin:.2rem 0}
figcaption{font-size:.9rem;color:var(--muted)}
fieldset{border:0;padding:0;margin:0;min-width:0}
legend{font-weight:600;padding:0;margin-bottom:.4rem}
.prompt{font-size:1.2rem;font-weight:600;line-height:1.4;margin:.25rem 0 .75rem}
.choice{position:relative;display:flex;gap:.7rem;align-items:flex-start;padding:.65rem .85rem;margin:.5rem 0;border:1px solid var(--edge);border-radius:.6rem;background:var(--card)}
.choice:hover{border-color:var(--accent)}
.choice:has(:checked){border-color:var(--accent);background:var(--accent-soft);box-shadow:inset 0 0 0 1px var(--accent)}
.choice:has(:focus-visible){outline:3px solid var(--focus);outline-offset:2px}
.choice input{position:relative;z-index:1;width:1.15rem;height:1.15rem;margin:.25rem 0 0;flex:none;accent-color:var(--accent)}
.choice input:focus-visible{outline:0}
.choice label{flex:1;cursor:pointer}.choice label::after{content:"";position:absolute;inset:0}
.letter{display:inline-block;min-width:1.4rem;font-weight:600;color:var(--muted)}
label{font-weight:600}.choice label,.sentence label{font-weight:400}
.sentences{line-height:2}.sentence input{margin:0 .3rem 0 .15rem;width:1rem;height:1rem;vertical-align:-.1rem;accent-color:var(--accent)}
.sentence label{cursor:pointer;border-bottom:2px dotted var(--edge);padding:.1rem 0}
.sentence :checked+label{background:var(--mark);border-bottom:2px solid var(--ink)}
button,.button{display:inline-block;font:inherit;font-weight:600;background:var(--accent);color:var(--accent-ink);border:2px solid transparent;border-radius:.5rem;padding:.55rem 1.15rem;text-decoration:none;cursor:pointer;line-height:1.4}
button:hover,.button:hover{text-decoration:underline}
button.secondary,.button.secondary{background:transparent;color:var(--accent);border-color:var(--accent)}
button.link{background:none;border:0;padding:0;color:var(--accent);font-weight:400;text-decoration:underline}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:1.25rem 0}
.actions form{margin:0}
nav.teach{margin:0 0 1rem;padding-bottom:.6rem;border-bottom:1px solid var(--line)}
.qhead{display:flex;flex-wrap:wrap;align-items:center;gap:0 1rem;margin-bottom:.75rem}.qhead p{flex-basis:100%;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;margin:0}.qhead h1{margin:0;font-size:1.25rem}.qhead h1 span{color:var(--muted);font-weight:400}.qhead progress{flex:1;min-width:6rem}
progress{display:block;width:100%;max-width:24rem;height:.5rem;border:0;border-radius:1rem;background:var(--line);overflow:hidden;-webkit-appearance:none;appearance:none}
progress::-webkit-progress-bar{background:var(--line)}progress::-webkit-progress-value{background:var(--accent)}progress::-moz-progress-bar{background:var(--accent)}
.ask,.q>.result{grid-area:ask}.passages,.q>.evidence{grid-area:passages}.answer,.review{grid-area:answer}.next{grid-area:next}.qmap{grid-area:map}
.passage{margin:0 0 .75rem}
.passage summary{cursor:pointer;font-weight:600;padding:.2rem 0}.passage summary .meta{font-weight:400}
.passage blockquote{max-height:min(40vh,20rem);overflow:auto;background:linear-gradient(var(--soft) 40%,#0000) top/100% 2rem local,linear-gradient(#0000,var(--soft) 60%) bottom/100% 2rem local,radial-gradient(farthest-side at 50% 0,#0003,#0000) top/100% .7rem,radial-gradient(farthest-side at 50% 100%,#0003,#0000) bottom/100% .7rem,var(--soft);background-repeat:no-repeat}.q-2 .passage blockquote,.q-3 .passage blockquote{max-height:min(32vh,14rem)}
.passage .meta{margin:.15rem 0 0;font-size:.85rem}.jump{display:inline-block;font-size:.9rem;margin-bottom:.4rem}
.claim{border:2px dashed var(--edge);border-radius:.6rem;padding:.5rem .85rem}
@media (min-width:56.25rem){
.q.wide{display:grid;gap:0 2.5rem;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);grid-template-areas:"passages ask" "passages answer" "passages next" "passages map";grid-template-rows:auto auto auto 1fr;align-items:start}
.q.q-2{grid-template-columns:minmax(0,2fr) minmax(0,1fr)}
.q-2 .passages{display:grid;grid-template-columns:1fr 1fr;gap:1.25rem}
.q.wide .passages,.q.wide>.evidence{position:sticky;top:1rem}
.q .passage blockquote{max-height:none}.jump{display:none}.qhead progress{max-width:24rem}}
.result{border-radius:.75rem;padding:.75rem 1rem;margin:0 0 1.25rem;border:2px solid var(--edge);background:var(--soft)}
.result.ok{background:var(--ok-bg);border-color:var(--ok)}.result.bad{background:var(--bad-bg);border-color:var(--bad)}.result.part{background:var(--part-bg);border-color:var(--part)}
.result h2{margin:0 0 .2rem;font-size:1.3rem}.result p{margin:.2rem 0 .6rem}
.result.ok h2{color:var(--ok)}.result.bad h2{color:var(--bad)}.result.part h2{color:var(--part)}
ul.review-options{list-style:none;padding:0;margin:.5rem 0}
.review-options li{border:1px solid var(--line);border-left-width:5px;border-radius:.5rem;padding:.5rem .8rem;margin:.5rem 0;overflow-wrap:anywhere}
.review-options li.key{border-color:var(--ok)}.review-options li.wrong{border-color:var(--bad)}
.review-options .feedback{margin:.25rem 0 0;color:var(--muted);font-size:.95rem}
.badge{display:inline-block;font-size:.78rem;font-weight:700;border-radius:.3rem;padding:0 .4rem;margin-left:.4rem;white-space:nowrap;border:1px solid transparent}
.badge.ok{background:var(--ok-bg);color:var(--ok)}.badge.bad{background:var(--bad-bg);color:var(--bad)}.badge.you{background:var(--soft);color:var(--ink);border-color:var(--edge)}
.src{margin:.5rem 0 1.25rem}.src figcaption{margin-bottom:.4rem}.src figcaption strong{color:var(--ink)}
.src blockquote+p{margin:.25rem 0 .8rem;font-size:.9rem}
.qmap{margin-top:2rem}.qmap ol{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.4rem 0}
.qmap li>*{display:block;min-width:2.4rem;padding:.3rem .2rem;text-align:center;border:1px solid var(--line);border-radius:.4rem;text-decoration:none;color:var(--muted)}
.qmap a{color:var(--accent);border-color:var(--edge)}.qmap [aria-current]{background:var(--accent);color:var(--accent-ink);border-color:var(--accent)}
.qmap .correct::after{content:" ✓"/"";color:var(--ok)}.qmap .wrong::after{content:" ✗"/"";color:var(--bad)}.qmap .partial::after{content:" ◐"/"";color:var(--part)}.qmap [aria-current]::after{color:inherit}
.error{border:2px solid var(--bad);background:var(--bad-bg);padding:.6rem 1rem;border-radius:.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
.table-wrap{overflow-x:auto}
.score{font-size:2.2rem;font-weight:700;margin:.25rem 0;line-height:1.2}
.skills{list-style:none;padding:0}.skills li{margin:.7rem 0}.skills progress{max-width:none;margin-top:.25rem}
.skills p{display:flex;justify-content:space-between;gap:1rem;margin:0}
.weak{font-size:.85rem;color:var(--bad);font-weight:600}
.plan{display:grid;gap:.75rem;list-style:none;padding:0}.plan h3{margin-top:0}.plan li{border:1px solid var(--line);border-radius:.75rem;padding:.8rem 1rem;background:var(--card)}.plan p{margin:.2rem 0 .5rem}
ol.answers{padding-left:0;list-style:none}ol.answers li{padding:.45rem 0;border-bottom:1px solid var(--line)}
ol.review>li{margin:1rem 0 2.5rem}
mark{background:var(--mark);color:inherit;box-shadow:0 0 0 2px var(--mark);border-bottom:2px solid var(--ink);scroll-margin:30vh}
.reader{font-size:1.1rem;line-height:1.7}.reader p{margin:.9rem 0;scroll-margin-top:2rem}
.reader p:target{background:var(--accent-soft);outline:2px solid var(--accent);outline-offset:4px}
.pn{display:inline-block;min-width:1.8rem;color:var(--muted);font-size:.75rem;text-decoration:none;vertical-align:.15rem}
dl.meta-list{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dl.meta-list dt{font-weight:600}dl.meta-list dd{margin:0;min-width:0;overflow-wrap:anywhere}
input[type=text],input[type=email],input[type=password],textarea,select{font:inherit;color:inherit;background:var(--card);width:100%;padding:.45rem .6rem;border:1px solid var(--edge);border-radius:.4rem;margin:.25rem 0 .75rem}
textarea{min-height:12rem;font-family:ui-monospace,monospace;font-size:.9rem}
.match{margin:.5rem 0}
.rich>:first-child{margin-top:0}pre{white-space:pre-wrap;overflow-wrap:anywhere}
legend,label,blockquote,td,th,.prompt,code{overflow-wrap:anywhere}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (max-width:30rem){header.site>div{gap:.25rem .9rem}.brand{font-size:1.05rem}h1{font-size:1.4rem}.hero h1{font-size:1.55rem}.prompt{font-size:1.1rem}}
.report{border-top:2px solid var(--line);margin-top:1.5rem}.report .lead{font-weight:600}
caption{text-align:left;font-weight:600;padding:.25rem 0}
.chart{display:block;width:100%;max-width:30rem;height:auto;margin:.5rem 0;font-size:12px}
.chart .label,.chart .value,.chart .tick{fill:var(--ink)}.chart .tick{text-anchor:middle;fill:var(--muted)}.chart .end{text-anchor:end}
.chart .track{fill:var(--soft);stroke:var(--line)}.chart .bar{fill:var(--accent)}.chart .axis,.chart .grid{stroke:var(--line)}
.chart .dot{fill:var(--accent)}.chart .dot.g1{fill:var(--ok)}.chart .mean{stroke:var(--ink);stroke-width:2}
@media (forced-colors:active){.choice:has(:checked),.qmap [aria-current]{outline:3px solid Highlight}.result,.review-options li,.badge{border-color:CanvasText}progress{forced-color-adjust:none;background:Canvas;border:1px solid CanvasText}progress::-webkit-progress-value{background:Highlight}progress::-moz-progress-bar{background:Highlight}mark,.sentence :checked+label{forced-color-adjust:none;background:Mark;color:MarkText}.logo rect{fill:CanvasText}.logo path{stroke:Canvas}}
@media print{header.site,footer,.skip,.actions,.qmap,form button,nav{display:none}body{font:11pt/1.5 Georgia,serif;color:#000;background:#fff}main{max-width:none;padding:0}a{color:#000}.reader a.pn{color:#555}blockquote,.passage blockquote{max-height:none;overflow:visible;background:none;border-left:2px solid #000}details::details-content{content-visibility:visible;display:contents}summary{list-style:none}.q.wide{display:block}mark{print-color-adjust:exact;-webkit-print-color-adjust:exact;outline:1px solid #000}.reader p{break-inside:avoid-page}}
`;

/**
 * Progressive enhancement only: every page works without it. It stops double clicks on
 * submit buttons, moves focus to the verdict (or the error) after answering, and centres a
 * highlighted passage in the reader.
 */
export const SCRIPT = `
var d=document;d.addEventListener("submit",function(e){var b=e.target.querySelector("button[type=submit]");if(b){setTimeout(function(){b.disabled=true;b.textContent="Sending…"},0)}});
var f=d.getElementById("verdict")||d.getElementById("answer-error");if(f){if(!f.hasAttribute("tabindex"))f.setAttribute("tabindex","-1");f.focus()}
var m=d.getElementById("hl");if(m&&location.hash=="#hl")m.scrollIntoView({block:"center"});
`;
