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
  });

  text.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-indicator]");
    if (mark && window.getSelection().isCollapsed) {
      document.getElementById("indicator-" + mark.dataset.indicator).scrollIntoView({ behavior: "smooth" });
    }
  });
})();
