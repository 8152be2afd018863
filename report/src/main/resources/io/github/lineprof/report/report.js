/*
 * The report's script: sorts the summary when a column header is clicked (numbers by their raw
 * value in data-sort), starts with the hottest function first, wires the hot-lines and fold
 * controls, opens a folded function when a link leads to it, and marks the page data-ready so a
 * headless browser can tell the script ran.
 */
(function () {
  var table = document.getElementById("summary");
  var heads = table.tHead.rows[0].cells;
  function sortBy(col, dir) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = heads[col].dataset.type === "num";
    rows.sort(function (a, b) {
      var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return dir === "ascending" ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    heads[col].setAttribute("aria-sort", dir);
  }
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener("click", function () {
      var now = th.getAttribute("aria-sort");
      var first = th.dataset.type === "num" ? "descending" : "ascending";
      sortBy(col, now ? (now === "ascending" ? "descending" : "ascending") : first);
    });
  });
  sortBy(3, "descending");
  document.getElementById("hot-only").addEventListener("change", function (e) {
    document.body.classList.toggle("hot-only", e.target.checked);
  });
  function foldAll(open) {
    document.querySelectorAll("details.fn").forEach(function (d) { d.open = open; });
  }
  document.getElementById("fold-all").addEventListener("click", function () { foldAll(false); });
  document.getElementById("unfold-all").addEventListener("click", function () { foldAll(true); });
  function reveal() {
    var target = location.hash && document.getElementById(location.hash.substring(1));
    var fn = target && target.closest("details.fn");
    if (fn && !fn.open) { fn.open = true; target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  document.documentElement.setAttribute("data-ready", "true");
})();
