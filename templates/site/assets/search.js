/* Offline search: filters the list on search.html with the JSON index embedded in that page.
   Progressive enhancement: without this script the page lists every act and obligation. */
(function () {
  "use strict";
  var data = document.getElementById("search-index");
  var list = document.getElementById("search-list");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  if (!data || !list || !input || !status) {
    return;
  }
  var entries = JSON.parse(data.textContent).entries;
  var items = {};
  var nodes = list.querySelectorAll("li[data-id]");
  for (var i = 0; i < nodes.length; i++) {
    items[nodes[i].getAttribute("data-id")] = nodes[i];
  }
  var template = status.getAttribute("data-template") || "{shown}/{total}";

  function run() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    entries.forEach(function (entry) {
      var item = items[entry.id];
      if (!item) {
        return;
      }
      var hit = words.every(function (word) { return entry.text.indexOf(word) !== -1; });
      item.hidden = !hit;
      if (hit) {
        shown += 1;
      }
    });
    status.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(entries.length));
  }

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
  }
  input.addEventListener("input", run);
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  run();
}());
