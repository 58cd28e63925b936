/**
 * The fixed parts of the HTML report: its style sheet, its content security policy and the small
 * script that turns each static chart into an interactive vega view. Constant text, no data.
 */

/**
 * Content security policy of the report, given the `sha256-…` hashes (base64) of its inline scripts and
 * style sheets. Nothing may be fetched (no `connect-src`, fonts or remote images); only the inline scripts
 * whose hashes are listed run, so a script that escaped the escaping would still be refused — no
 * `'unsafe-inline'` for scripts. `'unsafe-eval'` stays because vega compiles its expressions with
 * `Function`. Styles: the report's own sheet by hash, plus `'unsafe-inline'` for the `<style>` elements
 * vega-embed and its tooltip add at run time (CSS cannot fetch anything here: every fetch is refused).
 */
export function reportCsp(scriptHashes: readonly string[], styleHashes: readonly string[]): string {
  const scripts = scriptHashes.length > 0 ? `${scriptHashes.map((h) => `'${h}'`).join(' ')} 'unsafe-eval'` : "'none'";
  return `default-src 'none'; script-src ${scripts}; style-src ${styleHashes.map((h) => `'${h}'`).join(' ')}; img-src data:; base-uri 'none'; form-action 'none'`;
}

/** The style sheet: readable on a laptop and a phone, black-on-white, page breaks between sections in print. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #474747; --rule: #d0d0d0; --accent: #0b5394; --soft: #f3f6f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .75rem; }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 0 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); }
a { color: var(--accent); }
.report-header { margin-bottom: 1.5rem; }
.generated, .note, figcaption { color: var(--muted); }
.generated { font-size: .9rem; margin: .5rem 0 0; }
.note { font-size: .9rem; }
nav.contents { background: var(--soft); border-radius: 6px; padding: .75rem 1.25rem; margin-bottom: 2rem; }
nav.contents h2 { font-size: 1.05rem; border: 0; margin: 0 0 .25rem; padding: 0; }
nav.contents ol { margin: 0; padding-left: 1.4rem; }
section.report-section { margin: 0 0 2.75rem; }
.findings { padding-left: 1.3rem; }
.findings li { margin: .3rem 0; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: .6rem; margin: 1rem 0; }
dl.facts > div { background: var(--soft); border-radius: 6px; padding: .5rem .75rem; min-width: 0; }
dl.facts dt { font-size: .85rem; color: var(--muted); }
dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
figure.chart { margin: 1.5rem 0; }
.chart-static, .chart-live { overflow-x: auto; max-width: 100%; }
.chart-static svg, .chart-live svg { display: block; max-width: 100%; height: auto; }
.chart-live .vega-embed { display: block; max-width: 100%; }
.chart-live:empty, figure.is-live .chart-static { display: none; }
figcaption { font-size: .9rem; margin-top: .4rem; max-width: 44rem; }
.table-wrap { overflow-x: auto; margin: 1.5rem 0; }
table { border-collapse: collapse; font-size: .92rem; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding-bottom: .4rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .6rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
@media (max-width: 40rem) {
  body { padding: 1rem .75rem 2rem; font-size: 15px; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.25rem; }
}
/* vega-embed's and vega-tooltip's own styles, here because the CSP refuses the <style> elements they would add. */
.vega-embed { position: relative; display: inline-block; box-sizing: border-box; }
#vg-tooltip-element { visibility: hidden; padding: 8px; position: fixed; z-index: 1000; font: 11px sans-serif; border-radius: 3px; box-shadow: 2px 2px 4px rgba(0, 0, 0, .1); white-space: pre-line; background: rgba(255, 255, 255, .95); border: 1px solid #d9d9d9; color: #000; }
#vg-tooltip-element.visible { visibility: visible; }
#vg-tooltip-element h2 { margin: 0 0 10px; font-size: 13px; border: 0; padding: 0; }
#vg-tooltip-element table { border-spacing: 0; min-width: 0; }
#vg-tooltip-element td { overflow: hidden; text-overflow: ellipsis; padding: 2px 0; border: 0; vertical-align: text-top; }
#vg-tooltip-element td.key { color: #808080; max-width: 150px; text-align: right; padding-right: 4px; }
#vg-tooltip-element td.value { display: block; max-width: 300px; max-height: 7em; text-align: left; }
@media print {
  @page { margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.contents { display: none; }
  section.report-section { break-before: page; margin: 0; }
  figure.chart, .table-wrap, dl.facts > div { break-inside: avoid; }
  .chart-live, #vg-tooltip-element { display: none !important; }
  figure.is-live .chart-static { display: block; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * The client script: for each embedded spec, render it with vega-embed next to the static SVG,
 * then hide the SVG. Actions (export/editor links) are off and the vega loader refuses every
 * URL, so nothing is fetched even if a spec asked for it.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var options = JSON.parse(document.getElementById('swb-options').textContent);
  var loader = vega.loader();
  var refuse = function (uri) { return Promise.reject(new Error('network access is disabled in this report: ' + uri)); };
  loader.load = refuse;
  loader.sanitize = refuse;
  var specs = document.querySelectorAll('script.chart-spec');
  Array.prototype.forEach.call(specs, function (el) {
    var figure = document.getElementById(el.getAttribute('data-chart'));
    var live = figure && figure.querySelector('.chart-live');
    if (!live) return;
    vegaEmbed(live, JSON.parse(el.textContent), {
      actions: false, renderer: 'svg', loader: loader, formatLocale: options.formatLocale, logLevel: vega.Error,
      defaultStyle: false, tooltip: { disableDefaultStyle: true }
    }).then(function (result) {
      figure.classList.add('is-live');
      figure.setAttribute('data-rendered', String(result.view.scenegraph().root.items.length > 0));
    }).catch(function (error) {
      console.error('chart ' + figure.id + ' could not be drawn: ' + error.message);
    });
  });
})();
`;
