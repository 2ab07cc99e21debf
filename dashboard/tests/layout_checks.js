// Layout problems on the page as a person would see them, as [kind, details...] lists:
// - "outside": an element reaching past the viewport's edges that is not inside a scroll container;
// - "one character a line": a text squeezed so narrow that no line holds more than one character;
// - "word broken": a Latin word or number split across two lines.
() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const insideScroller = (element) => {
    for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
      const overflow = getComputedStyle(a).overflowX;
      if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") return true;
    }
    return false;
  };
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || element.closest(".visually-hidden")) continue;
    if ((box.right > width + 1 || box.left < -1) && !insideScroller(element)) {
      problems.push(["outside", element.tagName, element.className, Math.round(box.left), Math.round(box.right)]);
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.slice(0, 300);
    const parent = node.parentElement;
    if (text.trim().length < 2 || !parent || parent.closest("script, style, select, .visually-hidden")) continue;
    if (parent.getClientRects().length === 0) continue;
    const perLine = new Map();
    let previousTop = null, previous = "";
    for (let i = 0; i < text.length; i++) {
      const character = text[i];
      if (/\s/.test(character)) { previous = ""; continue; }
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rects = range.getClientRects();
      if (!rects.length) continue;
      const top = Math.round(rects[0].top);
      perLine.set(top, (perLine.get(top) || 0) + 1);
      if (previousTop !== null && top > previousTop && /[A-Za-z0-9]/.test(character) && /[A-Za-z0-9]/.test(previous)) {
        problems.push(["word broken", text.trim().slice(0, 40)]);
      }
      previousTop = top;
      previous = character;
    }
    if (perLine.size > 1 && Math.max(...perLine.values()) === 1) {
      problems.push(["one character a line", text.trim().slice(0, 40)]);
    }
  }
  return problems;
}
