// Review page: selecting words in the article's text fills the "add a figure" form with the quote and
// its offsets in the stored text (which the server checks), and a marked figure leads to its entry.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var form = document.getElementById("add-figure-form");
  if (!text || !form) return;

  // Offsets count Unicode code points, as Python does; JavaScript strings count UTF-16 units.
  function codePoints(s) { return Array.from(s).length; }

  function offsetOf(node, offset) {
    var range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }

  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    var quote = range.toString();
    if (!quote.trim()) return;
    var start = offsetOf(range.startContainer, range.startOffset);
    form.elements.quote.value = quote;
    form.elements.quote_start.value = start;
    form.elements.quote_end.value = start + codePoints(quote);
    document.getElementById("selected-quote").textContent = quote;
    document.getElementById("selected-quote-hint").hidden = true;
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(function () { suggest(start, start + codePoints(quote)); }, 300);
  });

  // The engine's reading of the selected words fills the fields the editor has not typed in yet.
  var suggestTimer = null, touched = {};
  var PREFILLED = ["zone", "scope", "metric", "metric_text", "value", "unit", "kind", "stance",
                   "period_label", "period_start", "period_end", "qualifier"];
  form.addEventListener("input", function (event) { if (event.target.name) touched[event.target.name] = true; });

  function suggest(start, end) {
    var url = form.dataset.suggestUrl + "?start=" + start + "&end=" + end;
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (figure) {
        PREFILLED.forEach(function (name) {
          var field = form.elements[name];
          if (!field || touched[name] || figure[name] === undefined || figure[name] === null) return;
          field.value = figure[name];
        });
      })
      .catch(function () {});  // the editor fills the form by hand
  }

  text.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-indicator]");
    if (mark && window.getSelection().isCollapsed) {
      document.getElementById("indicator-" + mark.dataset.indicator).scrollIntoView({ behavior: "smooth" });
    }
  });
})();
