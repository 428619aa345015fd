// Charts (the ledger's, the community dashboard's): each element with data-chart holds {kind, labels, series, horizontal}, which
// becomes an Apache ECharts option. The table under each chart carries the same figures for those who cannot see it.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.echarts) {
    return;
  }
  var palette = ['#1f5f99', '#b3541e', '#3f7f3f'];
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var chart = JSON.parse(element.getAttribute('data-chart'));
    var categories = { type: 'category', data: chart.labels, axisLabel: { interval: 0, width: chart.horizontal ? 220 : 90, overflow: 'truncate' } };
    var values = { type: 'value', minInterval: 1 };
    var option = {
      color: palette,
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: chart.series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 16, top: chart.series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
      xAxis: chart.horizontal ? values : categories,
      yAxis: chart.horizontal ? Object.assign({ inverse: true }, categories) : values,
      series: chart.series.map(function (s) {
        return { name: s.name, type: chart.kind, data: s.values, barMaxWidth: 28 };
      })
    };
    var instance = window.echarts.init(element, null, { renderer: 'canvas' });
    instance.setOption(option);
    window.addEventListener('resize', function () { instance.resize(); });
  });
});
