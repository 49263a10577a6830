// Draws the dyad series (conflict intensity bars, event counts, alerts) with the locally served plotly.
"use strict";
(function () {
  function draw() {
    var holder = document.getElementById("chart");
    var data = document.getElementById("series-data");
    if (!holder || !data || typeof Plotly === "undefined") { return; }
    var chart = JSON.parse(data.textContent);
    var x = chart.points.map(function (p) { return p.start; });
    var alertAt = {};
    chart.alerts.forEach(function (a) { alertAt[a.period] = a; });
    var alerts = chart.points.filter(function (p) { return alertAt[p.period]; });
    var traces = [
      { type: "bar", name: "conflict intensity", x: x, y: chart.points.map(function (p) { return p.conflict; }),
        marker: { color: "#c62828" } },
      { type: "bar", name: "cooperation", x: x, y: chart.points.map(function (p) { return p.cooperation; }),
        marker: { color: "#2e7d32" }, visible: "legendonly" },
      { type: "scatter", mode: "lines", name: "events", x: x, y: chart.points.map(function (p) { return p.events; }),
        yaxis: "y2", line: { color: "#1d3557" } },
      { type: "scatter", mode: "markers", name: "alert", x: alerts.map(function (p) { return p.start; }),
        y: alerts.map(function (p) { return p.conflict; }), marker: { symbol: "triangle-up", size: 14, color: "#ff8f00" },
        text: alerts.map(function (p) { return "alert " + p.period; }), hoverinfo: "text+y" }
    ];
    var layout = { margin: { t: 10, r: 50, b: 40, l: 50 }, barmode: "group", legend: { orientation: "h" },
                   yaxis: { title: { text: "intensity" }, rangemode: "tozero" },
                   yaxis2: { title: { text: "events" }, overlaying: "y", side: "right", rangemode: "tozero" } };
    Plotly.newPlot(holder, traces, layout, { displaylogo: false, responsive: true });
    holder.setAttribute("data-drawn", String(chart.points.length));
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
