/* Search highlighting that ignores accents, beside Material's (search.highlight).
 *
 * A search result links to its page with the words the query matched (`?h=coree`); Material marks
 * them on the page where the text holds them as typed, so `coree` leaves « Corée » unmarked, although
 * search found the page through it (hooks/briefing/search/material_index.py folds accents). This marks the
 * words that match once accents are folded and that Material leaves alone, with Material's own
 * `<mark data-md-highlight>`, in the visible text of the page's content. */
(function () {
  var terms = new URLSearchParams(location.search).get("h"), config = document.getElementById("__config");
  if (!terms || !config || typeof String.prototype.normalize !== "function") return;
  try {
    if ((JSON.parse(config.textContent).features || []).indexOf("search.highlight") < 0) return;
  } catch (error) {
    return;
  }
  var LIGATURES = { "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss" };

  function fold(text) { /* search.material_index.fold, lower case */
    return text.replace(/[œŒæÆß]/g, function (c) { return LIGATURES[c]; })
      .normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  var wanted = terms.split(/[\s*+\-:~^]+/).map(fold).filter(function (term) { return term.length > 0; });
  if (!wanted.length) return;

  /* [start, end) ranges of `text` whose folded form is a wanted term, as typed nowhere in it. */
  function ranges(text) {
    var folded = "", origin = [];
    for (var i = 0; i < text.length; i++) {
      var part = fold(text.charAt(i));
      for (var j = 0; j < part.length; j++) { folded += part.charAt(j); origin.push(i); }
    }
    var found = [];
    wanted.forEach(function (term) {
      for (var at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
        var start = origin[at], end = origin[at + term.length - 1] + 1;
        while (end < text.length && fold(text.charAt(end)) === "") end++; /* its combining accents */
        if (text.slice(start, end).toLowerCase() !== term) found.push([start, end]);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    return found.filter(function (range, k) { return k === 0 || range[0] >= found[k - 1][1]; });
  }

  function mark() {
    var content = document.querySelector("[data-md-component=content]");
    if (!content) return;
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT), nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement;
      if (parent && parent.offsetHeight && !parent.closest("mark, script, style")) nodes.push(node);
    }
    nodes.forEach(function (node) {
      var text = node.textContent, found = ranges(text);
      if (!found.length) return;
      var pieces = document.createDocumentFragment(), cursor = 0;
      found.forEach(function (range) {
        pieces.appendChild(document.createTextNode(text.slice(cursor, range[0])));
        var marked = document.createElement("mark");
        marked.setAttribute("data-md-highlight", "");
        marked.textContent = text.slice(range[0], range[1]);
        pieces.appendChild(marked);
        cursor = range[1];
      });
      pieces.appendChild(document.createTextNode(text.slice(cursor)));
      node.parentNode.replaceChild(pieces, node);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
})();
