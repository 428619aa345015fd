package org.reciprocity.trust;

import java.util.List;
import java.util.Map;
import org.reciprocity.web.Chart;
import org.reciprocity.web.Chart.Series;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The community dashboard page, under /admin (admins only, SecurityConfig). Each chart's data goes to the page as
 * JSON in a data attribute that /js/charts.js hands to ECharts; a table under each chart says the same in text.
 */
@Controller
class InsightPages {

    private final Insights insights;
    private final JsonMapper json;

    InsightPages(Insights insights, JsonMapper json) {
        this.insights = insights;
        this.json = json;
    }

    @GetMapping("/admin/insight")
    String page(Model model) {
        InsightView insight = insights.latest();
        model.addAttribute("insight", insight);
        model.addAttribute("charts", Map.of(
                "giveTake", json.writeValueAsString(new Chart("bar",
                        insight.giveTakeDistribution().stream().map(InsightView.Bucket::bucket).toList(),
                        List.of(new Series("Members", insight.giveTakeDistribution().stream()
                                .map(b -> (Number) b.members()).toList())), false)),
                "topGivers", json.writeValueAsString(new Chart("bar",
                        insight.topGivers().stream().map(g -> g.member().displayName()).toList(),
                        List.of(new Series("Effort given", insight.topGivers().stream().map(g -> (Number) g.weight()).toList())),
                        true)),
                "atRisk", json.writeValueAsString(new Chart("bar",
                        insight.atRisk().stream().map(a -> a.giver().displayName() + " → " + a.receiver().displayName()).toList(),
                        List.of(new Series("Favors given, none back", insight.atRisk().stream().map(a -> (Number) a.favors()).toList())),
                        true)),
                "growth", json.writeValueAsString(new Chart("line",
                        insight.growth().stream().map(InsightView.GrowthMonth::month).toList(),
                        List.of(new Series("Joined", insight.growth().stream().map(m -> (Number) m.joined()).toList()),
                                new Series("Confirmed favors", insight.growth().stream().map(m -> (Number) m.favors()).toList()),
                                new Series("Active members", insight.growth().stream().map(m -> (Number) m.activeMembers()).toList())),
                        false))));
        return "pages/admin-insight";
    }
}
