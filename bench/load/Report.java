import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load test's table from a Gatling report: per request type its count, throughput, p50/p95/p99, errors,
 * and its throughput over the bare endpoint's. Run with the source launcher, no build:
 * {@code java bench/load/Report.java [report directory]} (default: the newest under bench/load/target/gatling).
 */
public class Report {

    record Row(String name, long count, long errors, double rps, long p50, long p95, long p99) {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : newest(Path.of("bench/load/target/gatling"));
        String html = Files.readString(dir.resolve("index.html"));
        Pattern row = Pattern.compile("class=\"ellipsed-name\">([^<]+)</span>.*?"
                + "col-2\">([^<]*)<.*?col-4\">([^<]*)<.*?col-6\">([^<]*)<.*?col-8\">([^<]*)<.*?"
                + "col-10\">([^<]*)<.*?col-11\">([^<]*)<", Pattern.DOTALL);
        List<Row> rows = new ArrayList<>();
        Matcher m = row.matcher(html);
        while (m.find()) {
            rows.add(new Row(m.group(1).replace("&amp;", "&"), num(m.group(2)), num(m.group(3)), dec(m.group(4)),
                    num(m.group(5)), num(m.group(6)), num(m.group(7))));
        }
        double bare = rows.stream().filter(r -> r.name().contains("(bare)")).mapToDouble(Row::rps).findFirst().orElse(Double.NaN);
        System.out.println("Report: " + dir);
        System.out.println("| request | count | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to bare |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            boolean read = r.name().startsWith("GET") && !r.name().contains("(bare)");
            System.out.printf("| %s | %,d | %.1f | %d | %d | %d | %d | %s |%n", r.name(), r.count(), r.rps(), r.p50(), r.p95(),
                    r.p99(), r.errors(), read ? String.format("%.2f", r.rps() / bare) : "");
        }
    }

    private static Path newest(Path root) throws Exception {
        try (var runs = Files.list(root)) {
            return runs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("No Gatling report under " + root));
        }
    }

    private static long num(String s) {
        s = s.strip().replace(",", "");
        return s.isEmpty() || s.equals("-") ? 0 : Math.round(Double.parseDouble(s));
    }

    private static double dec(String s) {
        s = s.strip().replace(",", "");
        return s.isEmpty() || s.equals("-") ? 0 : Double.parseDouble(s);
    }
}
