// Draws every <canvas data-chart="ID"> from the JSON that the template wrote with json_script(ID).
// Two shapes (see metrics/charts.py): "progress" (target line over achieved bars, one metric over
// time) and "grouped" (one bar per zone for each metric). Words come translated in the data.
(function () {
  "use strict";
  var PALETTE = ["#0b5cad", "#d9822b", "#1f7a3d", "#8e44ad", "#b3261e", "#5b6776"];

  function datasetsFor(spec) {
    if (spec.type === "progress") {
      var target = spec.datasets[0], achieved = spec.datasets[1];
      return [
        { type: "line", label: target.label, data: target.values, borderColor: "#b3261e",
          backgroundColor: "#b3261e", spanGaps: true, order: 0 },
        { type: "bar", label: achieved.label, data: achieved.values, backgroundColor: "#0b5cad", order: 1 }
      ];
    }
    return spec.datasets.map(function (dataset, index) {
      return { type: "bar", label: dataset.label, data: dataset.values,
               backgroundColor: PALETTE[index % PALETTE.length] };
    });
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    new Chart(canvas, {
      data: { labels: spec.labels, datasets: datasetsFor(spec) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,  // print and screenshots get the finished chart
        scales: { y: { beginAtZero: true, title: { display: Boolean(spec.unit), text: spec.unit } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(draw);
})();
