package org.reciprocity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another application instance on the test's database, as a second server behind a load balancer would
 * be: its own context, port, caches and schedulers, nothing shared but the database. Its background jobs
 * wait (tests run them); settings given as command-line arguments, which come before application.yml.
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** A second instance whose clock is {@code clock}: the tests' moved clock holds on both instances. */
    public static ConfigurableApplicationContext start(Environment test, java.time.Clock clock, String... settings) {
        // registered by hand, not by a @Configuration class: that would be scanned into the test context too
        return start(new SpringApplicationBuilder(ReciprocityApplication.class).initializers(context ->
                ((org.springframework.context.support.GenericApplicationContext) context).registerBean("sharedClock",
                        java.time.Clock.class, () -> clock, definition -> definition.setPrimary(true))), test, settings);
    }

    public static ConfigurableApplicationContext start(Environment test, String... settings) {
        return start(new SpringApplicationBuilder(ReciprocityApplication.class), test, settings);
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder builder, Environment test, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + test.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + test.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + test.getProperty("spring.datasource.password", ""),
                "--reciprocity.data-dir=target/test-data",
                "--reciprocity.trusted-proxies=127.0.0.2",
                "--reciprocity.webhooks.poll=PT24H",
                "--reciprocity.mail.digest-check=PT24H",
                "--reciprocity.limits.api.address-writes-per-minute=100000",
                "--reciprocity.limits.api.address-reads-per-minute=100000",
                "--logging.level.root=warn"));
        if (Arrays.stream(settings).noneMatch(s -> s.startsWith("--reciprocity.matching.index-dir="))) {
            args.add("--reciprocity.matching.index-dir="); // in memory unless the test asks for a directory
        }
        args.addAll(List.of(settings));
        return builder.run(args.toArray(String[]::new));
    }

    /** Runs the two at the same moment, as two instances' schedules would, and waits for both (a minute at most). */
    public static void together(Callable<?> onA, Callable<?> onB) throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (Callable<?> work : List.of(onA, onB)) {
                runs.add(both.submit(() -> {
                    go.await();
                    return work.call();
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            both.shutdownNow();
        }
    }

    public static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
