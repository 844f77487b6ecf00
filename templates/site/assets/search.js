/* Search with Pagefind: loads the index the build made for the page's language (../pagefind/nl/
   from the Dutch pages: shards.json names its shards, the first of which holds Pagefind's
   script; the others are merged into it) and lists what matches, with filters by layer, status
   and theme. Pagefind stems Dutch and English words and ignores accents (categorieen finds
   categorieën).
   Progressive enhancement: without this script, or where the index cannot be loaded (a site
   opened as files, or built without Pagefind), the page lists every act and obligation. */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var filters = document.getElementById("search-filters");
  var unavailable = document.getElementById("search-unavailable");
  if (!script || !form || !input || !status || !results || !filters || !unavailable) {
    return;
  }
  var selects = Array.prototype.slice.call(filters.querySelectorAll("select[data-filter]"));
  var pagefind = null;
  var latest = 0;

  function chosen() {
    var found = {};
    selects.forEach(function (s) {
      if (s.value) {
        found[s.getAttribute("data-filter")] = s.value;
      }
    });
    return found;
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var excerpt = document.createElement("p");
    excerpt.className = "excerpt";
    /* Pagefind's excerpt is text with <mark> around the hits: parse it inertly and keep only
       the text and the marks, so no markup from the catalogue can ever come alive here */
    var parsed = new DOMParser().parseFromString("<p>" + data.excerpt + "</p>", "text/html").body;
    parsed.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        excerpt.appendChild(mark);
      } else {
        excerpt.appendChild(document.createTextNode(node.textContent));
      }
    });
    li.appendChild(link);
    li.appendChild(excerpt);
    return li;
  }

  function say(template, count) {
    return template.replace("{count}", String(count));
  }

  function run() {
    if (!pagefind) {
      return;
    }
    var query = input.value.trim();
    var wanted = chosen();
    var ticket = ++latest;
    if (!query && !Object.keys(wanted).length) {
      results.hidden = true;
      results.textContent = "";
      status.textContent = "";
      return;
    }
    pagefind.search(query || null, { filters: wanted }).then(function (found) {
      return Promise.all(found.results.slice(0, 50).map(function (r) { return r.data(); })).then(function (data) {
        if (ticket !== latest) {
          return;
        }
        results.textContent = "";
        data.forEach(function (d) { results.appendChild(item(d)); });
        results.hidden = data.length === 0;
        var total = found.results.length;
        status.textContent = total ? say(status.getAttribute("data-template"), total) : status.getAttribute("data-none");
      });
    });
  }

  function fill(options) {
    selects.forEach(function (s) {
      var values = options[s.getAttribute("data-filter")] || {};
      Object.keys(values).sort(function (a, b) { return a.localeCompare(b); }).forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value + " (" + values[value] + ")";
        s.appendChild(option);
      });
    });
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) {
    input.value = params.get("q");
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", run);
  selects.forEach(function (s) { s.addEventListener("change", run); });

  if (window.location.protocol === "file:") {
    /* browsers refuse to load modules from files: say so rather than fail in the console */
    unavailable.hidden = false;
    return;
  }
  var bundle = new URL(script.getAttribute("data-bundle"), document.baseURI);
  fetch(new URL("shards.json", bundle).href).then(function (response) {
    if (!response.ok) {
      throw new Error("no index");
    }
    return response.json();
  }).then(function (list) {
    var shards = list.shards.map(function (name) { return new URL(name, bundle).href; });
    return import(shards[0] + "pagefind.js").then(function (module) {
      pagefind = module;
      /* one after the other: the merged indexes keep the order of the list */
      return shards.slice(1).reduce(function (done, shard) {
        return done.then(function () { return pagefind.mergeIndex(shard); });
      }, Promise.resolve());
    });
  }).then(function () {
    return pagefind.filters();
  }).then(function (options) {
    fill(options);
    selects.forEach(function (s) {
      var value = params.get(s.getAttribute("data-filter"));
      if (value) {
        s.value = value;
      }
    });
    filters.hidden = false;
    run();
  }).catch(function () {
    pagefind = null;
    unavailable.hidden = false;
  });
}());
