/**
 * The report's stylesheet, inlined in the page: system fonts only, colours
 * as custom properties with a dark set (prefers-color-scheme) and a print
 * set, one column on a phone, a page per objective on paper. Text colours
 * keep a contrast of at least 4.5:1 on their background (WCAG AA).
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --card: #f6f8fa; --border: #d1d9e0;
  --band: #f2f4f6; --grid: #e4e8ec; --accent: #0969da;
  --good: #1a7f37; --warn: #9a6700; --bad: #cf222e; --worst: #a40e26; --none: #59636e;
  --good-bg: #dafbe1; --warn-bg: #fff8c5; --bad-bg: #ffebe9; --none-bg: #eff2f5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --card: #151b23; --border: #3d444d;
    --band: #1a2029; --grid: #262c36; --accent: #4493f8;
    --good: #3fb950; --warn: #d29922; --bad: #f85149; --worst: #ff7b72; --none: #9da7b3;
    --good-bg: #12261e; --warn-bg: #272115; --bad-bg: #2d1618; --none-bg: #1f242c;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 68rem; padding: 1.5rem 1.25rem 3rem;
  background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .25rem; padding-top: .75rem; border-top: 2px solid var(--border); }
h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
p { margin: .25rem 0; }
a { color: var(--accent); }
.meta, .about { color: var(--muted); }
time, .nb { white-space: nowrap; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.status { display: inline-block; padding: 0 .5em; border-radius: 1em; font-size: .8rem; font-weight: 600;
  white-space: nowrap; vertical-align: .15em; border: 1px solid currentColor; }
.achieved, .on-track { color: var(--good); } .at-risk { color: var(--warn); }
.off-track { color: var(--bad); } .missed { color: var(--worst); }
.no-data, .not-started { color: var(--none); }
.status.achieved, .status.on-track { background: var(--good-bg); }
.status.at-risk { background: var(--warn-bg); }
.status.off-track, .status.missed { background: var(--bad-bg); }
.status.no-data, .status.not-started { background: var(--none-bg); }
.better { color: var(--good); } .worse { color: var(--bad); }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: .75rem 0; list-style: none; }
.counts li { background: var(--card); border: 1px solid var(--border); border-radius: .5rem; padding: .35rem .8rem; }
.counts strong { font-size: 1.3rem; margin-right: .3rem; }
.changes { margin: .5rem 0; padding-left: 1.2rem; }
.scroll { overflow-x: auto; margin: .75rem 0; }
table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
th { font-weight: 600; color: var(--muted); }
td.num, th.num { text-align: right; white-space: nowrap; }
thead th { white-space: nowrap; }
tr.this-goal td, tr.this-goal th { font-weight: 600; background: var(--card); }
.breakdown td:nth-child(n+3), .breakdown th:nth-child(n+3) { text-align: right; white-space: nowrap; }
.breakdown td:first-child, .breakdown th:first-child { text-align: right; }
.periods td, .periods th:nth-child(n+2) { text-align: right; white-space: nowrap; }
.periods td.missing { white-space: normal; text-align: left; color: var(--muted); }
.periods small, .breakdown small { display: block; font-size: .75rem; color: var(--muted); font-weight: normal; }
.goal { margin: 1.5rem 0 0; padding: 1rem; background: var(--bg); border: 1px solid var(--border); border-radius: .6rem; }
.reason { margin: .5rem 0; }
.goal-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(15rem, 2fr);
  grid-template-areas: "chart figures" "tables figures"; grid-template-rows: auto 1fr;
  gap: .5rem 1.25rem; align-items: start; margin-top: .75rem; }
.goal-body figure { grid-area: chart; margin: 0; }
.goal-body .figures { grid-area: figures; }
.goal-body .tables { grid-area: tables; min-width: 0; }
.chart { width: 100%; height: auto; display: block; }
.chart text { font-size: 12px; fill: var(--muted); paint-order: stroke; stroke: var(--bg); stroke-width: 4px; stroke-linejoin: round; }
.chart text.on-band { stroke: var(--band); }
.chart .grid { stroke: var(--grid); }
.chart .axis { stroke: var(--border); }
.chart .period { fill: var(--band); }
.chart .target { stroke: var(--good); stroke-width: 1.5; stroke-dasharray: 6 4; }
.chart .expected { fill: none; stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 2 3; }
.chart .milestone { fill: var(--bg); stroke: var(--muted); stroke-width: 1.5; }
.chart .snapshots { fill: none; stroke: var(--accent); stroke-width: 2; }
.chart .dots circle { fill: var(--accent); }
.chart .dots .partial { fill: var(--bg); stroke: var(--accent); stroke-width: 1.5; }
.chart .forecast { fill: none; stroke: var(--accent); stroke-width: 2; stroke-dasharray: 5 4; opacity: .8; }
.chart .forecast-end { fill: var(--bg); stroke: var(--accent); stroke-width: 2; }
.chart .interval { fill: var(--accent); opacity: .15; }
.chart .today { stroke: var(--fg); stroke-width: 1; opacity: .5; }
.chart .label-target { fill: var(--good); font-weight: 600; }
.chart .label-forecast { fill: var(--accent); }
.chart .empty { font-size: 13px; text-anchor: middle; paint-order: stroke; stroke: var(--bg); stroke-width: 6px; }
.reason.stale { color: var(--warn); }
.reason.stale::before { content: "⚠ "; }
figcaption { font-size: .8rem; color: var(--muted); display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin-top: .25rem; }
.key::before { content: ""; display: inline-block; width: 1.4em; height: 0; margin-right: .35em; vertical-align: .3em; border-top: 2px solid var(--accent); }
.key.k-target::before { border-top: 2px dashed var(--good); }
.key.k-expected::before { border-top: 2px dotted var(--muted); }
.key.k-forecast::before { border-top: 2px dashed var(--accent); }
.key.k-interval::before { height: .7em; border: 0; background: var(--accent); opacity: .25; vertical-align: -.05em; }
.key.k-today::before { width: 0; height: .9em; border-top: 0; border-left: 1px solid var(--fg); vertical-align: -.1em; }
.figures { margin: 0; display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .5rem; }
.figures div { background: var(--card); border-radius: .4rem; padding: .35rem .6rem; min-width: 0; }
.figures dt { font-size: .75rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.figures dd { margin: 0; }
.figures dd strong { display: block; font-size: 1.05rem; }
.figures dd > span { display: block; font-size: .8rem; color: var(--muted); }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 700px) {
  body { padding: 1rem .75rem 2rem; font-size: 14px; }
  .goal { padding: .75rem; }
  .goal-body { grid-template-columns: minmax(0, 1fr); grid-template-areas: "chart" "figures" "tables"; }
  .chart text { font-size: 19px; }
  .overview thead { display: none; }
  .overview tr { display: grid; grid-template-columns: 6.5rem 1fr; gap: .1rem .6rem; padding: .5rem 0; border-bottom: 1px solid var(--border); }
  .overview td { border: 0; padding: 0; text-align: left; }
  .overview td:nth-child(2) { grid-column: 2; grid-row: 1; }
  .overview td:nth-child(n+3) { grid-column: 2; font-size: .85rem; color: var(--muted); }
  .overview td:nth-child(n+3):not(:empty)::before { content: attr(data-label) ": "; }
}
@media print {
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #444c56; --card: #f6f8fa; --border: #c8d0d8;
    --band: #f0f2f4; --grid: #e4e8ec; --accent: #0550ae;
    --good: #116329; --warn: #7d4e00; --bad: #a40e26; --worst: #82071e; --none: #444c56;
    --good-bg: #ffffff; --warn-bg: #ffffff; --bad-bg: #ffffff; --none-bg: #ffffff;
  }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .objective { break-before: page; }
  .objective > h2 { border-top: 0; margin-top: 0; }
  .goal { break-inside: avoid; border-color: var(--border); }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;
