package org.reciprocity.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server jar as a child process on 127.0.0.1, started, waited for, killed with SIGKILL
 * and started again on the same data. A shutdown hook kills the child if the test JVM exits first,
 * so no server outlives the test; its output goes to a log file that failures quote.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    private final Thread killer = new Thread(this::kill, "kill reciprocity child");
    private volatile Process process;
    private int port;

    public ServerProcess(Path jar, Map<String, String> environment, Path log) {
        this.jar = jar;
        this.environment = environment;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(killer);
    }

    public int port() {
        return port;
    }

    /** Starts the server on a free port and returns how long it took to answer health UP. */
    public Duration start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // nothing of the caller's own RECIPROCITY_* settings may point the child at another database
        builder.environment().keySet().removeIf(k -> k.startsWith("RECIPROCITY_"));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("RECIPROCITY_BIND_ADDRESS", "127.0.0.1");
        // the workload signs up and records favors far faster than any person: the abuse limits are not what this
        // harness tests (on PostgreSQL their counts even survive the restarts), so they are raised out of its way
        for (String limit : new String[] {"SIGNUPS_PER_HOUR_PER_ADDRESS", "UNSOLICITED_FAVORS_PER_DAY",
                "UNSOLICITED_PENDING_PER_MEMBER", "POSTINGS_PER_DAY", "API_READS_PER_MINUTE", "API_WRITES_PER_MINUTE",
                "API_ADDRESS_READS_PER_MINUTE", "API_ADDRESS_WRITES_PER_MINUTE"}) {
            builder.environment().put("RECIPROCITY_LIMITS_" + limit, "1000000");
        }
        long started = System.nanoTime();
        process = builder.start();
        awaitHealthy(started);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hooks, no flushing, like a power cut. */
    public void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    /** The end of the child's log, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitHealthy(long started) throws InterruptedException {
        RawHttp http = new RawHttp(port);
        long deadline = started + STARTUP_LIMIT.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + " during start-up:\n" + logTail(40));
            }
            RawHttp.Response health = http.send(RawHttp.Request.of("GET", "/actuator/health"));
            if (health.status() == 200 && health.body().contains("\"UP\"")) {
                return;
            }
            if (health.status() > 0 && seen.size() < 5) {
                seen.add(health.status() + " " + Text.excerpt(health.body(), 100));
            }
            Thread.sleep(250);
        }
        kill();
        throw new AssertionError("the server was not healthy within " + STARTUP_LIMIT.toSeconds() + " s (answers: " + seen + "):\n"
                + logTail(40));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
