/*
 * Draws a chart above every table[data-chart] of the usage page with Chart.js (served from its
 * WebJar). The table is the data: the row headers are the labels, every column whose header has
 * data-series is one data set, the cells' data-value attributes are the values. So the chart shows
 * exactly what the table shows, and without JavaScript the table is all there is.
 */
(function () {
  "use strict";

  var COLOURS = ["#004b87", "#b3261e", "#2e7d32", "#6a1b9a", "#8a4b00", "#00695c", "#37474f", "#ad1457"];

  function chartOf(table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var series = [];
    headers.forEach(function (th, column) {
      if (th.hasAttribute("data-series")) {
        series.push({ column: column, label: th.textContent.trim() });
      }
    });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    if (series.length === 0 || rows.length === 0) {
      return;
    }
    var labels = rows.map(function (tr) {
      return tr.cells[0].textContent.trim();
    });
    var line = table.getAttribute("data-chart") === "line";
    var datasets = series.map(function (s, i) {
      var colour = COLOURS[i % COLOURS.length];
      return {
        label: s.label,
        data: rows.map(function (tr) {
          var cell = tr.cells[s.column];
          var value = cell ? parseFloat(cell.getAttribute("data-value")) : NaN;
          return isNaN(value) ? null : value;
        }),
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: line ? 2 : 0,
        pointRadius: rows.length > 60 ? 0 : 3,
        tension: 0
      };
    });
    var caption = table.querySelector("caption");
    var figure = document.createElement("div");
    figure.className = "chart";
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute(
      "aria-label",
      (caption ? caption.textContent.trim() + " – " : "") + (table.getAttribute("data-chart-label") || "")
    );
    canvas.id = table.id + "-chart";
    figure.appendChild(canvas);
    var holder = table.parentNode.classList.contains("table-scroll") ? table.parentNode : table;
    holder.parentNode.insertBefore(figure, holder);
    new window.Chart(canvas, {
      type: line ? "line" : "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: 2.5,
        scales: { y: { beginAtZero: true } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  function start() {
    if (typeof window.Chart !== "function") {
      return; // the library did not load: the tables remain
    }
    Array.prototype.forEach.call(document.querySelectorAll("table[data-chart]"), chartOf);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
