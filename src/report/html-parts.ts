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
.caution { border-left: 4px solid #b45309; background: #fff7ed; padding: .6rem .9rem; font-weight: 600; }
.findings { padding-left: 1.3rem; }
.findings li { margin: .3rem 0; }
.next { border-left: 4px solid var(--accent); padding: .4rem .8rem; background: var(--soft); border-radius: 0 6px 6px 0; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: .6rem; margin: 1rem 0; }
dl.facts > div { background: var(--soft); border-radius: 6px; padding: .5rem .75rem; min-width: 0; }
dl.facts dt { font-size: .85rem; color: var(--muted); }
/* Words wrap between words (a word wider than its card is the only one cut); file names wrap after
   their _ - . / (the <wbr> put there) and checksums anywhere. */
dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: break-word; }
dd .file, dd .hash { overflow-wrap: anywhere; }
figure.chart { margin: 1.5rem 0; }
/* Charts are never scaled down, so their text keeps its size (10 px or more, also on a phone): live charts
   are redrawn to fit the column, and one that still does not fit scrolls, with the cue below it; a static
   chart (JavaScript off) keeps its drawn size and scrolls sideways in its own box. Print scales to the page. */
.chart-static, .chart-live { overflow-x: auto; max-width: 100%; }
.chart-static svg { display: block; max-width: none; height: auto; }
.chart-live svg { display: block; }
.chart-live.vega-embed { display: block; width: 100%; }
.chart-live:empty, figure.is-live .chart-static { display: none; }
/* A block wider than the screen: shadows at the edges that can scroll (no script needed), the written
   cue while it overflows, and the row labels kept in view. */
.scroll-x { overflow-x: auto; max-width: 100%;
  background: linear-gradient(to right, #fff 30%, rgba(255, 255, 255, 0)) left center / 2.5rem 100% no-repeat local,
    linear-gradient(to left, #fff 30%, rgba(255, 255, 255, 0)) right center / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, .22), rgba(0, 0, 0, 0)) left center / .9rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, .22), rgba(0, 0, 0, 0)) right center / .9rem 100% no-repeat scroll; }
.scroll-x:focus-visible { outline: 2px solid var(--accent); }
.scroll-hint { display: none; margin: .3rem 0 0; font-size: .85rem; font-weight: 600; color: var(--accent); }
.scroll-x[data-overflow="true"] + .scroll-hint { display: block; }
.scroll-x[data-overflow="true"] tr > :first-child { position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: 1px 0 0 var(--rule); }
figcaption { font-size: .9rem; margin-top: .4rem; max-width: 44rem; }
.table-wrap { margin: 1.5rem 0; }
table { border-collapse: collapse; font-size: .92rem; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding-bottom: .4rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .6rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* Numbers never break; their column headings may, so a many-column table fits a laptop. */
thead th.num { white-space: normal; min-width: 5.5rem; }
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
  .chart-static svg { max-width: 100%; }
  .scroll-x { overflow: visible; background: none; }
  .scroll-hint { display: none !important; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * The client script: for each embedded spec, render it with vega-embed next to the static SVG,
 * then hide the SVG. Actions (export/editor links) are off and the vega loader refuses every
 * URL, so nothing is fetched even if a spec asked for it.
 *
 * A chart wider than its column is drawn again in a narrow variant instead of being scaled down (which
 * shrank its text to 4–6 px on a phone): single views take the container's width (`width: "container"`,
 * autosize fit), concatenated views get the width left after their axes, titles wrap, legends go below.
 * A chart may set `usermeta.minWidth` (plot width under which its marks no longer read); below it, it
 * keeps that width and scrolls. Every `.scroll-x` block is marked `data-overflow` while it overflows,
 * which shows the written cue after it.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var options = JSON.parse(document.getElementById('swb-options').textContent);
  var loader = vega.loader();
  var refuse = function (uri) { return Promise.reject(new Error('network access is disabled in this report: ' + uri)); };
  loader.load = refuse;
  loader.sanitize = refuse;
  var embedOptions = {
    actions: false, renderer: 'svg', loader: loader, formatLocale: options.formatLocale, logLevel: vega.Error,
    defaultStyle: false, tooltip: { disableDefaultStyle: true }
  };
  function markOverflow() {
    Array.prototype.forEach.call(document.querySelectorAll('.scroll-x'), function (el) {
      el.setAttribute('data-overflow', String(el.scrollWidth > el.clientWidth));
    });
  }
  function wrap(text, max) {
    if (typeof text !== 'string' || text.length <= max) return text;
    var lines = [], line = '';
    text.split(' ').forEach(function (word) {
      if (line && (line + ' ' + word).length > max) { lines.push(line); line = word; } else { line = line ? line + ' ' + word : word; }
    });
    if (line) lines.push(line);
    return lines;
  }
  function views(spec) { return spec.vconcat || spec.hconcat || spec.concat; }
  function plotWidth(spec) {
    var parts = views(spec);
    if (!parts) return typeof spec.width === 'number' ? spec.width : 0;
    return parts.reduce(function (m, v) { return typeof v.width === 'number' ? Math.max(m, v.width) : m; }, 0);
  }
  // Axis and legend settings written in a chart's encodings win over the config: cap them too.
  function limitLabels(node, axisLimit, columns, legendLimit) {
    if (!node || typeof node !== 'object') return;
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if (key === 'axis' && value && typeof value === 'object' && value.labelLimit > axisLimit) value.labelLimit = axisLimit;
      if (key === 'legend' && value && typeof value === 'object') {
        value.orient = 'bottom';
        if (value.columns) value.columns = columns;
        if (!(value.labelLimit <= legendLimit)) value.labelLimit = legendLimit;
      }
      if (key !== 'data' && key !== 'datasets') limitLabels(value, axisLimit, columns, legendLimit);
    });
  }
  function narrow(spec, avail, overhead) {
    var s = JSON.parse(JSON.stringify(spec));
    var title = typeof s.title === 'string' ? { text: s.title } : s.title;
    if (title) {
      // about 9.8 px per character of the 15 px bold title, 7 px of the subtitle, inside 8 px padding each side
      title.text = wrap(title.text, Math.floor((avail - 16) / 9.8));
      if (title.subtitle) title.subtitle = wrap(title.subtitle, Math.floor((avail - 16) / 7));
      s.title = title;
    }
    var config = s.config = Object.assign({}, s.config);
    config.legend = Object.assign({}, config.legend, { orient: 'bottom', direction: 'horizontal', columns: avail < 480 ? 1 : 2, labelLimit: avail - 40 });
    config.axis = Object.assign({}, config.axis, { labelLimit: Math.floor(avail * 0.34) });
    limitLabels(s, Math.floor(avail * 0.34), avail < 480 ? 1 : 2, avail - 40);
    var min = (s.usermeta && s.usermeta.minWidth) || 0;
    var parts = views(s);
    if (parts) {
      parts.forEach(function (v) { if (typeof v.width === 'number') v.width = Math.max(min, 120, avail - overhead); });
    } else if (min && avail - overhead < min) {
      s.width = min;
    } else {
      s.width = 'container';
      s.autosize = { type: 'fit-x', contains: 'padding' };
    }
    return s;
  }
  function viewsRight(svg) {
    var left = svg.getBoundingClientRect().left;
    return Array.prototype.reduce.call(svg.querySelectorAll('g.role-scope[class*="concat_"]'), function (m, g) {
      return Math.max(m, g.getBoundingClientRect().right - left);
    }, 0);
  }
  function draw(figure, live, spec, narrowed) {
    return vegaEmbed(live, spec, embedOptions).then(function (result) {
      var svg = live.querySelector('svg');
      var drawn = svg ? parseFloat(svg.getAttribute('width')) : 0;
      var avail = live.clientWidth;
      if (figure.getAttribute('data-narrow') !== 'true' && drawn > avail + 1) {
        figure.setAttribute('data-narrow', 'true');
        result.finalize();
        return draw(figure, live, narrow(spec, avail, drawn - plotWidth(spec)), true);
      }
      // Stacked views were narrowed by the room their legend took at the side, which is now below them:
      // give the room right of the widest view (axes included, 8 px padding kept) back to every view, once.
      var spare = svg && spec.vconcat ? avail - 9 - viewsRight(svg) : 0;
      if (narrowed && spare > 16) {
        var wider = JSON.parse(JSON.stringify(spec));
        wider.vconcat.forEach(function (v) { if (typeof v.width === 'number') v.width += Math.floor(spare); });
        result.finalize();
        return draw(figure, live, wider, false);
      }
      return result;
    });
  }
  var drawing = Array.prototype.map.call(document.querySelectorAll('script.chart-spec'), function (el) {
    var figure = document.getElementById(el.getAttribute('data-chart'));
    var live = figure && figure.querySelector('.chart-live');
    if (!live) return Promise.resolve();
    var spec = JSON.parse(el.textContent);
    figure.swbSpec = spec;
    return draw(figure, live, spec).then(function (result) {
      figure.classList.add('is-live');
      figure.setAttribute('data-rendered', String(result.view.scenegraph().root.items.length > 0));
    }).catch(function (error) {
      console.error('chart ' + figure.id + ' could not be drawn: ' + error.message);
    });
  });
  markOverflow();
  Promise.all(drawing).then(markOverflow);
  var pending = 0;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      Array.prototype.forEach.call(document.querySelectorAll('figure.is-live'), function (figure) {
        var live = figure.querySelector('.chart-live');
        var svg = live.querySelector('svg');
        if (svg && figure.getAttribute('data-narrow') !== 'true' && parseFloat(svg.getAttribute('width')) > live.clientWidth + 1) {
          draw(figure, live, figure.swbSpec).then(markOverflow);
        }
      });
      markOverflow();
    }, 200);
  });
})();
`;
