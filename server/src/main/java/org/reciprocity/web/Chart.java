package org.reciprocity.web;

import java.util.List;

/**
 * What one chart shows: category labels and one or more series of values. A page writes it as JSON into a
 * {@code data-chart} attribute, which /js/charts.js hands to Apache ECharts; a table beside each chart says
 * the same in text for those who cannot see it.
 *
 * @param kind an ECharts series type: {@code bar} or {@code line}
 * @param horizontal bars along the x axis, categories down the y axis (long labels such as names)
 */
public record Chart(String kind, List<String> labels, List<Series> series, boolean horizontal) {

    public record Series(String name, List<Number> values) {}
}
