/* briefing: prebuilt search index (hooks/briefing/search/prebuilt.py).
 *
 * Wraps Material's search worker, which is pasted between the two halves of this file; the lunr
 * language scripts its setup imports are pasted at the end. The prebuilt index and the documents
 * (search/search_lunr.json) are posted to the worker by the page that started it from its head,
 * which fetched them at once (the worker's URL then ends in #index-from-page); a worker started
 * otherwise fetches them itself as it starts. In the offline export the page posts the .js twin's
 * string, or, in Material's iframe shim, the worker loads that script itself. When the
 * setup message carries `config.prebuilt`, the worker takes the documents from that file, and its
 * own `lunr(...)` call configures a builder (tokenizer, fields, highlight table) but adds no
 * document: the index is loaded instead. Nothing is computed for every document: a
 * term's postings are decoded, and the vectors lunr scores with are built, for the terms a query
 * reaches; highlight positions, for the documents a query returns. */
var __briefingSetup = null;
var __briefingIndex = null; /* {index, docs} once loaded; false when it could not be */
var __briefingSource = (function () {
  if (self.__briefingWorkerUrl) return self.__briefingWorkerUrl; /* a blob worker (search_offline.js) */
  var source = self.location.href;
  if (typeof document !== "undefined") { /* Material's iframe shim (offline export) runs us in an iframe */
    var script = document.querySelector('script[src*="/workers/"]');
    if (script) source = script.src;
  }
  return source;
})();
var __briefingPending = (function () {
  var root = __briefingSource.split("/assets/javascripts/workers/")[0] + "/search/search_lunr";
  function parse(text) {
    if (text instanceof ArrayBuffer) text = new TextDecoder().decode(text);
    return typeof text === "string" ? JSON.parse(text) : false;
  }
  function fetched() {
    return fetch(root + ".json").then(function (response) { return response.ok ? response.json() : script(); });
  }
  function fromPage() { /* the page loads the index and posts it (a string, or the fetched bytes) */
    return new Promise(function (resolve) {
      self.addEventListener("message", function received(event) {
        if (!(event.data && "briefingLunr" in event.data)) return;
        event.stopImmediatePropagation();
        self.removeEventListener("message", received);
        resolve(parse(event.data.briefingLunr));
      });
    });
  }
  function script() { /* in the shim's frame: a script that sets a global, as file:// forbids fetching */
    return Promise.resolve(importScripts(root + ".js")).then(function () {
      var text = self.__briefingLunrText;
      delete self.__briefingLunrText;
      return parse(text);
    });
  }
  try {
    if (self.__briefingWorkerUrl) return fromPage(); /* the offline export's blob worker */
    if (root.indexOf("file:") === 0) return script();
    if (self.location.hash === "#index-from-page") { /* started from the page's head (overrides/main.html) */
      return fromPage().then(function (data) { return data || fetched(); });
    }
    return fetched();
  } catch (error) {
    return Promise.resolve(false);
  }
})().catch(function () { return false; });
/* Queries: the latest one is answered. One that would keep the worker busy (a word of one or two
 * letters expands to thousands of terms and documents in a large archive) first waits for the next
 * key, at most as long as it is expected to take, and at most 300 ms: typing "corée" does not first
 * compute every result for "c" or "co", and the last query typed is answered at worst about twice
 * as late as at once, while a key that comes during the wait saves the whole computation. The cost
 * (see decode) is turned into milliseconds with what it measured at 10,000 events: from 0.02 to
 * 0.07 ms per unit once the worker's code is warm, two or three times that on its first query. */
var __briefingQuery = null, __briefingTimer = null, __briefingWait = 300, __briefingMsPerCost = 0.05;
function __briefingAnswer() {
  var query = __briefingQuery;
  if (!query) return;
  var expected = __briefingIndex.cost(query.message.data) * __briefingMsPerCost;
  var wait = query.at + Math.min(__briefingWait, expected) - Date.now();
  if (wait > 0) {
    __briefingTimer = setTimeout(__briefingAnswer, wait);
    return;
  }
  __briefingQuery = null;
  __briefingAsk(query.message.data);
}
function __briefingAsk(query) { /* Material's handler answers at once (its postMessage comes next) */
  __briefingAsked = query;
  self.dispatchEvent(new MessageEvent("message", { data: { type: 2, data: query, briefing: true } }));
}
/* Material's answers: results ranked and labelled (results.js). Once the index is ready, one
 * query is asked and its answer dropped: the first query a reader types would otherwise also
 * compile the code it runs (lunr's, Material's, ours), which takes it from about 20 to 90 ms. */
var __briefingAsked = null, __briefingWarming = false, __briefingPost = self.postMessage;
self.postMessage = function (message) {
  if (message && message.type === 1 && __briefingIndex && __briefingIndex.warmTerm) {
    setTimeout(function () {
      if (__briefingQuery) return; /* the reader is faster */
      __briefingWarming = true;
      __briefingAsk(__briefingIndex.warmTerm);
    }, 0);
  }
  if (message && message.type === 3 && __briefingIndex) {
    if (__briefingWarming) {
      __briefingWarming = false;
      return;
    }
    if (message.data && message.data.items) {
      __briefingResults.decorate(message.data.items, __briefingAsked, __briefingIndex.stored);
    }
  }
  return __briefingPost.apply(self, arguments);
};
self.addEventListener("message", function (event) {
  var message = event.data;
  if (message && message.type === 2 && !message.briefing && __briefingIndex && typeof message.data === "string") {
    event.stopImmediatePropagation();
    __briefingQuery = { message: message, at: Date.now() };
    clearTimeout(__briefingTimer);
    __briefingTimer = setTimeout(__briefingAnswer, 0);
    return;
  }
  if (!(message && message.type === 0 && message.data && message.data.config && message.data.config.prebuilt)) return;
  if (__briefingIndex === null) { /* hold the setup until the index is there, then hand it on */
    event.stopImmediatePropagation();
    __briefingPending.then(function (loaded) {
      __briefingIndex = loaded || false;
      if (!loaded) console.warn("briefing: the prebuilt search index could not be loaded");
      self.dispatchEvent(new MessageEvent("message", { data: message }));
    });
    return;
  }
  if (__briefingIndex) message.data.docs = __briefingIndex.docs;
  __briefingSetup = message.data;
});
/* MATERIAL WORKER */
;(function () {
  var original = self.lunr;
  var languageScripts = /* LANGUAGE SCRIPTS */ [];

  /* The positions of each term of a document's field, and the highlight table Material reads
   * them against: what Material's tokenizer (integrations/search/internal: extract, split,
   * tokenize) records when it indexes, computed here without its lunr.Token objects and with one
   * separator regex, as it runs for every field of every result of a query. */
  function positionsOf(builder, doc, field) {
    var value = builder._fields[field].extractor(doc); /* starts this document's highlight table */
    var table = original.tokenizer.table, byTerm = Object.create(null);
    if (typeof original.segmenter !== "undefined") { /* words cut by a segmenter: Material's own way */
      var tokens = builder.tokenizer(value);
      for (var t = 0; t < tokens.length; t++) {
        var token = tokens[t].toString();
        (byTerm[token] || (byTerm[token] = [])).push(tokens[t].metadata.position);
      }
      return byTerm;
    }
    var separator = new RegExp(original.tokenizer.separator, "g");
    var inputs = Array.isArray(value) ? value : [value];
    for (var n = 0; n < inputs.length; n++) {
      var input = inputs[n], total = table.length, block = 0, start = 0, end = 0, stack = 0;
      for (; end < input.length; end++) {
        var char = input.charAt(end);
        if (char === "<" && end > start) {
          addText(table, block + total, input, start, end, separator, byTerm);
          start = end;
        } else if (char === ">") {
          if (input.charAt(start + 1) === "/") {
            if (--stack === 0) addTag(table, total + block++, start, end + 1, 2);
          } else if (input.charAt(end - 1) !== "/") {
            if (stack++ === 0) addTag(table, block + total, start, end + 1, 0);
          }
          start = end + 1;
        }
      }
      if (end > start) addText(table, block + total, input, start, end, separator, byTerm);
    }
    return byTerm;
  }

  function addTag(table, block, start, end, type) {
    (table[block] || (table[block] = [])).push(start << 12 | end - start << 2 | type);
  }

  function addText(table, block, input, start, end, separator, byTerm) {
    var row = table[block] || (table[block] = []), section = input.slice(start, end), index = 0, match;
    separator.lastIndex = 0;
    do {
      match = separator.exec(section);
      var until = match ? match.index : section.length;
      if (index < until) {
        row.push(start + index << 12 | until - index << 2 | 1);
        var term = section.slice(index, until).toLowerCase();
        (byTerm[term] || (byTerm[term] = [])).push(block << 20 | row.length - 1);
      }
      if (match) {
        index = match.index + match[0].length;
        if (match[0].length === 0) separator.lastIndex = match.index + 1;
      }
    } while (match);
  }

  /* A match's metadata, as Material reads it: `position`, computed when read. A match found through
   * the folded field is highlighted where the reader sees its words, in the title and text: the
   * positions of the words that are the term once folded, except those another term of the query
   * matched as they are (`exact`), which are highlighted already. */
  function Match(found, term, field, exact) {
    this._found = found; this._term = term; this._field = field; this._exact = exact;
  }
  Object.defineProperty(Match.prototype, "position", {
    get: function () {
      var byTerm = this._found.positions(this._field), positions = byTerm[this._term] || [];
      if (!this._exact) return positions;
      var words = this._found.foldedWords(this._field)[this._term] || [], exact = this._exact, field = this._field;
      return words.reduce(function (all, word) {
        return exact[word] && field in exact[word] ? all : all.concat(byTerm[word]);
      }, positions.slice());
    }
  });
  function Found(builder, doc) {
    this._builder = builder; this._doc = doc; this._byField = Object.create(null); this._folded = Object.create(null);
  }
  Found.prototype.positions = function (field) {
    return this._byField[field] || (this._byField[field] = positionsOf(this._builder, this._doc, field));
  };
  Found.prototype.foldedWords = function (field) {
    return this._folded[field] || (this._folded[field] = __briefingResults.foldedKeys(this.positions(field)));
  };

  var FOLDED = "folded", SHOWN = ["title", "text"]; /* search.material_index.FOLDED_FIELD, and what it folds */

  function complete(results, builder, docs) {
    for (var r = 0; r < results.length; r++) {
      var result = results[r], doc = docs[+result.ref], found = new Found(builder, doc);
      result.ref = doc.location;
      var metadata = result.matchData.metadata, exact = Object.create(null), term, field;
      for (term in metadata) {
        /* fresh objects: lunr may hand the same (empty) metadata object to several matches */
        var byField = metadata[term] = Object.assign({}, metadata[term]);
        exact[term] = Object.assign({}, byField);
        for (field in byField) byField[field] = new Match(found, term, field, null);
      }
      for (term in metadata) {
        if (!(FOLDED in metadata[term])) continue;
        for (var k = 0; k < SHOWN.length; k++) {
          if (SHOWN[k] in builder._fields) metadata[term][SHOWN[k]] = new Match(found, term, SHOWN[k], exact);
        }
      }
    }
    return results;
  }

  /* The sorted terms as lunr's token set (the automaton a query's terms are expanded against),
   * each node's edges computed from the terms below it when a query first walks there. */
  function TermNode(terms, lo, hi, depth) {
    this.final = lo < hi && terms[lo].length === depth;
    this._terms = terms; this._lo = lo; this._hi = hi; this._depth = depth; this._edges = null;
  }
  TermNode.prototype = Object.create(original.TokenSet.prototype);
  Object.defineProperty(TermNode.prototype, "edges", {
    get: function () {
      if (this._edges) return this._edges;
      var edges = {}, terms = this._terms, depth = this._depth, hi = this._hi;
      for (var i = this.final ? this._lo + 1 : this._lo, j; i < hi; i = j) {
        var char = terms[i].charAt(depth);
        for (j = i + 1; j < hi && terms[j].charAt(depth) === char; j++);
        edges[char] = new TermNode(terms, i, j, depth + 1);
      }
      return (this._edges = edges);
    }
  });

  /* The lunr.Index of the form written by prebuilt.build_index: what lunr.Builder.build()
   * computes, with the same arithmetic (lunr.idf, BM25 with k1 = 1.2 and b = 0, boosts, scores
   * rounded to three decimals), for the terms a query reaches. */
  function decode(data) {
    var fields = data.fields, total = data.documents, terms = data.terms, k1 = 1.2;
    var digit = new Int8Array(128).fill(-1);
    for (var c = 0; c < data.digits.length; c++) digit[data.digits.charCodeAt(c)] = c;
    var decoded = new Array(terms.length), postings = new Array(terms.length);
    var reached = [], reachedSet = Object.create(null), vectors = null;

    function find(term) { /* terms are sorted as JavaScript compares strings */
      var lo = lowerBound(term);
      return lo < terms.length && terms[lo] === term ? lo : -1;
    }

    /* Per field, the documents holding term t and their scores. */
    function entriesOf(t) {
      if (decoded[t]) return decoded[t];
      var parts = data.postings[t].split(" "), docs = [], counts = [], holding = 0;
      for (var f = 0; f < fields.length; f++) {
        var text = parts[f] || "", fieldDocs = [], fieldCounts = [], doc = -1, number = 0, pendingCount = false;
        for (var i = 0; i < text.length; i++) {
          var d = digit[text.charCodeAt(i)];
          if (d >= 32) { number = number * 32 + d - 32; continue; }
          number = number * 32 + d;
          if (pendingCount) {
            fieldCounts[fieldCounts.length - 1] = number + 2;
            pendingCount = false;
          } else {
            doc += Math.floor(number / 2) + 1;
            fieldDocs.push(doc);
            fieldCounts.push(1);
            pendingCount = number % 2 === 1;
          }
          number = 0;
        }
        docs.push(fieldDocs);
        counts.push(fieldCounts);
        holding += fieldDocs.length;
      }
      var idf = Math.log(1 + Math.abs((total - holding + 0.5) / (holding + 0.5))); /* lunr.idf */
      var scores = counts.map(function (fieldCounts, f) {
        var fieldBoost = data.boosts[f] || 1;
        return fieldCounts.map(function (tf, i) {
          var score = idf * ((k1 + 1) * tf) / (k1 + tf); /* k1 * (1 - b + b * length / average) + tf */
          score *= fieldBoost;
          score *= data.documentBoosts[docs[f][i]] || 1;
          return Math.round(score * 1000) / 1000;
        });
      });
      return (decoded[t] = { docs: docs, scores: scores });
    }

    /* A term's posting ({_index, field: {ref: metadata}}), as lunr reads it. The metadata is
     * empty (no position is stored); complete() gives each result its own. */
    var none = {};
    function postingOf(t) {
      var posting = Object.create(null), entries = entriesOf(t);
      posting._index = t;
      for (var f = 0; f < fields.length; f++) {
        var byDocument = Object.create(null), docs = entries.docs[f];
        for (var i = 0; i < docs.length; i++) byDocument[docs[i]] = none;
        posting[fields[f]] = byDocument;
      }
      return posting;
    }

    var invertedIndex = new Proxy(Object.create(null), {
      get: function (target, term) {
        var t = typeof term === "string" ? find(term) : -1;
        if (t < 0) return undefined;
        if (!(t in reachedSet)) { reachedSet[t] = true; reached.push(t); vectors = null; }
        return postings[t] || (postings[t] = postingOf(t));
      },
      has: function (target, term) { return typeof term === "string" && find(term) >= 0; }
    });

    /* A document's field vector restricted to the terms this query reached: lunr only takes its
     * dot product with the query vector, which holds no other term, so the scores are the same. */
    function vectorsOfQuery() {
      var byRef = Object.create(null);
      reached.slice().sort(function (a, b) { return a - b; }).forEach(function (t) {
        var entries = entriesOf(t);
        for (var f = 0; f < fields.length; f++) {
          var docs = entries.docs[f], scores = entries.scores[f];
          for (var i = 0; i < docs.length; i++) {
            var ref = fields[f] + "/" + docs[i];
            (byRef[ref] || (byRef[ref] = [])).push(t, scores[i]);
          }
        }
      });
      return byRef;
    }
    function allRefs() { /* lunr lists every field vector only for a query of prohibited terms only */
      var refs = [];
      for (var d = 0; d < total; d++) for (var f = 0; f < fields.length; f++) refs.push(fields[f] + "/" + d);
      return refs;
    }
    var fieldVectors = new Proxy(Object.create(null), {
      get: function (target, ref) {
        if (typeof ref !== "string") return undefined;
        if (!vectors) vectors = vectorsOfQuery();
        return new original.Vector(vectors[ref] || []);
      },
      ownKeys: allRefs,
      getOwnPropertyDescriptor: function () { return { value: null, writable: true, enumerable: true, configurable: true }; }
    });

    /* How busy a query would keep lunr and Material: the postings of the terms its words begin
     * (Material adds a trailing wildcard to every word), and a share for each such term. */
    var reach = new Float64Array(terms.length + 1);
    for (var r = 0; r < terms.length; r++) reach[r + 1] = reach[r] + data.postings[r].length;
    function cost(query) {
      return query.toLowerCase().split(/[\s\-]+/).reduce(function (total, word) {
        word = word.replace(/^[+\-]+/, "").replace(/[~^]\d*$/, "").replace(/\*+$/, "");
        if (!word) return total;
        var lo = lowerBound(word), hi = lowerBound(word + "\uffff");
        return total + reach[hi] - reach[lo] + 5 * (hi - lo);
      }, 0);
    }
    function lowerBound(term) {
      var lo = 0, hi = terms.length;
      while (lo < hi) {
        var mid = (lo + hi) >>> 1;
        if (terms[mid] < term) lo = mid + 1; else hi = mid;
      }
      return lo;
    }

    var index = new original.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: new TermNode(terms, 0, terms.length, 0),
      fields: fields,
      pipeline: new original.Pipeline()
    });
    var query = index.query;
    index.query = function () { /* the vectors are those of one query */
      reached = []; reachedSet = Object.create(null); vectors = null;
      var union = original.Set.prototype.union;
      original.Set.prototype.union = unionInPlace;
      try {
        return query.apply(index, arguments);
      } finally {
        original.Set.prototype.union = union;
      }
    };
    var docs = data.docs, tags = docs.tags;
    return {
      index: index,
      docs: docs.location.map(function (location, i) { /* prebuilt.stored: one list per field */
        var doc = { location: location, title: docs.title[i], text: docs.text[i] };
        if (i in tags) doc.tags = tags[i];
        return doc;
      }),
      cost: cost,
      stored: docs,
      warmTerm: terms[terms.length >> 1] || ""
    };
  }

  /* lunr.Set's union, adding to the set itself instead of copying both into a new one. In
   * lunr.Index.query, every set a union is called on was made by that query and is only read
   * again as the union's result, so the results are the same; copying made a query whose terms
   * expand to a thousand (a required term's prefix, as in Material's suggestions) quadratic. */
  function unionInPlace(other) {
    if (other === original.Set.complete) return original.Set.complete;
    if (other === original.Set.empty || other === this) return this;
    var elements = this.elements, added = Object.keys(other.elements);
    for (var i = 0; i < added.length; i++) {
      if (!(added[i] in elements)) {
        elements[added[i]] = true;
        this.length++;
      }
    }
    return this;
  }

  function prebuilt(configure) {
    var setup = __briefingSetup;
    if (!setup || !__briefingIndex) return original.apply(this, arguments);
    __briefingSetup = null;
    var builder = new original.Builder();
    builder.pipeline.add(original.trimmer, original.stopWordFilter, original.stemmer);
    builder.searchPipeline.add(original.stemmer);
    builder.add = function () {}; /* the documents are in the prebuilt index already */
    configure.call(builder, builder);
    var index = __briefingIndex.index;
    var query = index.query;
    index.query = function () {
      return complete(query.apply(index, arguments), builder, setup.docs);
    };
    return index;
  }

  __briefingPending = __briefingPending.then(function (data) {
    return data ? decode(data) : false;
  }).catch(function () { return false; });

  Object.keys(original).forEach(function (key) {
    prebuilt[key] = original[key];
  });
  self.lunr = prebuilt;

  /* The language scripts the setup imports are pasted after this function (search/prebuilt.py):
   * importing them again is skipped. */
  var importOriginal = self.importScripts;
  var imported = Object.create(null);
  var absolute = function (url) { return new URL(url, __briefingSource).href; };
  var lunrBase = __briefingSource.split("/assets/javascripts/workers/")[0] + "/assets/javascripts/lunr/";
  languageScripts.forEach(function (path) { imported[absolute(lunrBase + path)] = true; });
  self.importScripts = function () {
    var urls = Array.prototype.map.call(arguments, absolute).filter(function (url) { return !(url in imported); });
    urls.forEach(function (url) { imported[url] = true; });
    return urls.length ? importOriginal.apply(self, urls) : undefined;
  };
})();
/* LANGUAGE SCRIPTS */
