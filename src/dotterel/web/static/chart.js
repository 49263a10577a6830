// Draws the escalation monitor's series of a pair (conflict and cooperation mass, escalation index) and its
// alerts, with the locally served plotly.
"use strict";
(function () {
  var COLOURS = { toward: "#c62828", away: "#2e7d32" };
  var NAMES = { toward: "alert: toward conflict", away: "alert: away from conflict" };
  function draw() {
    var holder = document.getElementById("chart");
    var data = document.getElementById("series-data");
    if (!holder || !data || typeof Plotly === "undefined") { return; }
    var chart = JSON.parse(data.textContent);
    var rows = chart.rows;
    var x = rows.map(function (r) { return r.start; });
    var traces = [
      { type: "bar", name: "conflict mass", x: x, y: rows.map(function (r) { return r.conflict; }),
        marker: { color: "#e57373" } },
      { type: "bar", name: "cooperation mass", x: x, y: rows.map(function (r) { return r.cooperation; }),
        marker: { color: "#81c784" } },
      { type: "scatter", mode: "lines", name: "escalation index", x: x, yaxis: "y2", connectgaps: false,
        y: rows.map(function (r) { return r.index; }), line: { color: "#1d3557", width: 2 },
        text: rows.map(function (r) { return r.period + ": " + r.clusters + " clusters, " + r.documents + " documents"; }),
        hoverinfo: "text+y" }
    ];
    ["toward", "away"].forEach(function (direction) {
      var mine = chart.alerts.filter(function (a) { return a.direction === direction; });
      if (!mine.length) { return; }
      traces.push({ type: "scatter", mode: "markers", name: NAMES[direction], yaxis: "y2",
        x: mine.map(function (a) { return a.start; }), y: mine.map(function (a) { return a.index; }),
        marker: { symbol: "triangle-up", size: 15, color: COLOURS[direction], line: { color: "#000", width: 1 } },
        text: mine.map(function (a) {
          return NAMES[direction] + " from " + a.change_at + ": " + a.n_clusters + " clusters, " + a.n_sources + " sources";
        }), hoverinfo: "text" });
    });
    var layout = { margin: { t: 10, r: 60, b: 40, l: 50 }, barmode: "group", legend: { orientation: "h" },
                   yaxis: { title: { text: "mass" }, rangemode: "tozero" },
                   yaxis2: { title: { text: "index" }, overlaying: "y", side: "right", zeroline: true } };
    Plotly.newPlot(holder, traces, layout, { displaylogo: false, responsive: true });
    holder.setAttribute("data-drawn", String(rows.length));
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
