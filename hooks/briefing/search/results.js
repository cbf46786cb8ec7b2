/* briefing: what the result list shows (hooks/briefing/search/results.js), pasted into the wrapped
 * search worker (worker.js) before Material's code.
 *
 * - Names first: the stored documents carry the normalised names of entity pages and glossary
 *   entries (ranking.py). A result group is put first when the query is one of its names or
 *   begins one (`coree` → Corée du Sud, Corée du Nord; `otan` → Otan), next when a name ends with
 *   it (`kishida` → Fumio Kishida); otherwise the order is lunr's and Material's.
 * - Kinds: each group's page says what it is (Lettre, Événement, Pays…) as a tag, which Material's
 *   result list shows as a label.
 * - Folded matches: a query without accents finds accented words through the folded field, which
 *   the result list does not show; `foldedKeys` gives the positions of those words in the title
 *   and text, so that they are highlighted like exact matches. */
var __briefingResults = (function () {
  var LIGATURES = { "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss" };

  /* search.material_index.fold: letters without their accents. */
  function fold(text) {
    return text.replace(/[œŒæÆß]/g, function (c) { return LIGATURES[c]; })
      .normalize("NFKD").replace(/\p{M}/gu, "");
  }

  /* ranking.normalise. */
  function normalise(text) {
    return fold(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  /* 2: a name is the query or begins with it; 1: a name's last words are the query (its last
   * word may be cut, as the reader is still typing); 0: neither. */
  function tier(names, query) {
    var best = 0;
    for (var n = 0; n < names.length; n++) {
      var name = names[n];
      if (name.lastIndexOf(query, 0) === 0) return 2;
      for (var i = name.indexOf(" "); i >= 0 && !best; i = name.indexOf(" ", i + 1)) {
        var rest = name.slice(i + 1);
        if (rest.lastIndexOf(query, 0) === 0 && rest.indexOf(" ", query.length) < 0) best = 1;
      }
    }
    return best;
  }

  var positions = null; /* location -> stored document position, made on the first result */
  function positionOf(stored, location) {
    if (!positions) {
      positions = Object.create(null);
      for (var i = 0; i < stored.location.length; i++) positions[stored.location[i]] = i;
    }
    return positions[location];
  }

  /* Material's result (groups of items, a page and its sections), ranked and labelled in place. */
  function decorate(items, query, stored) {
    if (!stored || !stored.kind) return;
    var wanted = typeof query === "string" ? normalise(query.replace(/[*~^+]/g, " ")) : "";
    var ranked = items.map(function (group, order) {
      var best = 0;
      group.forEach(function (item) {
        var position = positionOf(stored, item.location);
        if (position === undefined) return;
        var names = stored.names[position], section = item.location.indexOf("#") >= 0;
        /* a page before a section of the same tier: an entity before its glossary entry */
        if (names && wanted.length > 1) best = Math.max(best, tier(names, wanted) - (section ? 0.5 : 0));
        if (!section) item.tags = [stored.kinds[stored.kind[position]]].concat(item.tags || []);
      });
      return { group: group, tier: best, order: order };
    });
    ranked.sort(function (a, b) { return b.tier - a.tier || a.order - b.order; });
    for (var g = 0; g < ranked.length; g++) items[g] = ranked[g].group;
  }

  /* term -> the words of a field (as lunr's terms) that are that term once folded: the words that
   * change when folded only (the others are exact matches already). */
  function foldedKeys(byTerm) {
    var folded = Object.create(null);
    for (var word in byTerm) {
      var key = fold(word);
      if (key !== word) (folded[key] || (folded[key] = [])).push(word);
    }
    return folded;
  }

  return { decorate: decorate, foldedKeys: foldedKeys, normalise: normalise };
})();
