/* Filters on a layer page: show only the roadmap items of one status, theme or act.
   Progressive enhancement: without this script the form stays hidden and every item is listed.
   Needs no network; the choice is kept in the address (?status=overdue&theme=...&act=...) so a
   filtered view can be linked to. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) {
    return;
  }
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var line = document.getElementById("filter-status-line");
  var template = form.getAttribute("data-template") || "{shown}/{total}";
  var stages = Array.prototype.slice.call(document.querySelectorAll("section.stage"));
  var names = { status: "status", themes: "theme", act: "act" };

  function matches(row, wanted) {
    return wanted.every(function (pair) {
      var value = row.getAttribute("data-" + pair[0]) || "";
      return pair[0] === "themes" ? value.split(" ").indexOf(pair[1]) !== -1 : value === pair[1];
    });
  }

  function run() {
    var wanted = selects.filter(function (s) { return s.value; }).map(function (s) {
      return [s.getAttribute("data-filter"), s.value];
    });
    var shown = 0;
    var total = 0;
    stages.forEach(function (stage) {
      var inStage = 0;
      Array.prototype.forEach.call(stage.querySelectorAll("table.items"), function (table) {
        var visible = 0;
        Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
          var hit = matches(row, wanted);
          row.hidden = !hit;
          total += 1;
          if (hit) {
            visible += 1;
          }
        });
        table.hidden = visible === 0;
        var box = table.closest("details");
        if (box) {
          box.hidden = visible === 0;
          if (wanted.length && visible) {
            box.open = true;
          }
        }
        inStage += visible;
      });
      shown += inStage;
      var none = stage.querySelector(".filter-none");
      if (none) {
        none.hidden = !(wanted.length && inStage === 0);
      }
    });
    line.textContent = wanted.length
      ? template.replace("{shown}", String(shown)).replace("{total}", String(total))
      : "";
    var query = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var key = names[s.getAttribute("data-filter")];
      if (s.value) {
        query.set(key, s.value);
      } else {
        query.delete(key);
      }
    });
    var search = query.toString();
    if (window.history && window.history.replaceState) {
      try {
        window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
      } catch (e) {
        /* some browsers refuse replaceState on file:// pages: the filter still works */
      }
    }
  }

  var start = new URLSearchParams(window.location.search);
  selects.forEach(function (s) {
    var value = start.get(names[s.getAttribute("data-filter")]);
    if (value && s.querySelector('option[value="' + value.replace(/["\\]/g, "") + '"]')) {
      s.value = value;
    }
    s.addEventListener("change", run);
  });
  form.addEventListener("reset", function () { window.setTimeout(run, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  run();
}());
