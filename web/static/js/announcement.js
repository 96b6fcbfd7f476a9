/* clustergraph: the announcement page. Pointing at a fact highlights its evidence in the text;
 * following a link to #ev-... marks every part of that evidence and scrolls to it. */
(function () {
  "use strict";
  var text = document.getElementById("source-text");
  if (!text) return;

  function marksOf(factId) {
    return Array.prototype.filter.call(text.querySelectorAll("mark[data-facts]"), function (mark) {
      return mark.dataset.facts.split(" ").indexOf(factId) >= 0;
    });
  }

  function setClass(factId, name, on) {
    marksOf(factId).forEach(function (mark) { mark.classList.toggle(name, on); });
  }

  document.querySelectorAll("tr[data-fact]").forEach(function (row) {
    var id = row.dataset.fact;
    row.addEventListener("mouseenter", function () { setClass(id, "hover", true); });
    row.addEventListener("mouseleave", function () { setClass(id, "hover", false); });
  });

  var current = null;
  function showTarget() {
    if (current) setClass(current, "current", false);
    current = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null;
    if (!current) return;
    var marks = marksOf(current);
    marks.forEach(function (mark) { mark.classList.add("current"); });
    if (marks.length) marks[0].scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", showTarget);
  showTarget();
})();
