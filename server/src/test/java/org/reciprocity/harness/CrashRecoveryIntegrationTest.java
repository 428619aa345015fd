package org.reciprocity.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.reciprocity.TestDatabases;

/**
 * kill -9 in the middle of writes. The packaged jar runs as a child process on a fresh H2 data
 * directory (or a fresh PostgreSQL database on the postgres run); per cycle, client threads write for
 * a random 1–4 s, the server is killed with SIGKILL while they are at it, started again on the same
 * data, and then: (a) every unanswered create is retried with its Idempotency-Key and must answer 2xx
 * or a clean 4xx, (b) every acknowledged write is there exactly once, (c) a fresh write of each kind
 * succeeds. {@code -Dcrash.cycles=20} for the full run (3 by default), {@code -Dcrash.seed=} to replay.
 *
 * <p>Not a Spring test: the server under test is the jar, in its own process, as in production.
 */
class CrashRecoveryIntegrationTest {

    private static final String PASSWORD = "crash test passphrase 1";
    private static final int CLIENT_THREADS = 4;

    record Cycle(int number, long acknowledged, CrashWorkload.Retries retries, CrashWorkload.Verification verification,
                 List<String> freshRefused, Duration writing, Duration restart) {

        @Override
        public String toString() {
            return String.format("cycle %2d: wrote %.1f s, %4d acknowledged; %d unacknowledged retried (%d then acknowledged,"
                            + " %d of them replayed; %d refused, %d of them 409 'in progress'); %d acknowledged checked: %d missing,"
                            + " %d duplicated; fresh writes refused: %d; restart %.1f s",
                    number, writing.toMillis() / 1000.0, acknowledged, retries.retried(), retries.acknowledged(), retries.replayed(),
                    retries.refused(), retries.stuckInProgress(), verification.checked(), verification.missing().size(),
                    verification.duplicated().size(), freshRefused.size(), restart.toMillis() / 1000.0);
        }
    }

    private final StringBuilder log = new StringBuilder();

    /** Prints a line of the report and keeps it for target/harness/crash-<db>.txt. */
    private void say(String line) {
        String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        System.out.println(text);
        log.append(text).append('\n');
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNineExactlyOnce() throws Exception {
        int cycles = Integer.getInteger("crash.cycles", 3);
        long seed = Long.getLong("crash.seed", new Random().nextLong());
        Path jar = Path.of("target", "reciprocity.jar").toAbsolutePath();
        assertThat(jar).as("the packaged server (./mvnw -pl server verify packages it before the integration tests)").exists();
        Path dataDir = Files.createTempDirectory("reciprocity-crash-");
        Map<String, String> environment = environment(dataDir);
        say(String.format("%nCrash recovery (%s): %d cycles, seed %d, data in %s%n", TestDatabases.kind(), cycles, seed,
                "postgres".equals(TestDatabases.kind()) ? environment.get("RECIPROCITY_DB_URL") : dataDir));

        List<Cycle> report = new ArrayList<>();
        CrashWorkload workload;
        try (ServerProcess server = new ServerProcess(jar, environment, dataDir.resolve("server.log"))) {
            Duration firstStart = server.start();
            Api api = new Api(new RawHttp(server.port()));
            say(String.format("first start %.1f s%n", firstStart.toMillis() / 1000.0));
            workload = new CrashWorkload(members(api), PASSWORD, today(api));
            workload.connect(api);
            Random random = new Random(seed);
            for (int cycle = 1; cycle <= cycles; cycle++) {
                int before = workload.writes().size();
                Duration writing = Duration.ofMillis(1_000 + random.nextInt(3_001));
                writeThenKill(workload, server, writing, random.nextLong());
                Duration restart = server.start();
                workload.connect(new Api(new RawHttp(server.port())));
                long acknowledged = workload.writes().subList(before, workload.writes().size()).stream()
                        .filter(w -> w.outcome == CrashWorkload.Outcome.ACKNOWLEDGED).count();
                CrashWorkload.Retries retries = workload.retryUnacknowledged();
                CrashWorkload.Verification verification = workload.verify();
                List<String> fresh = workload.freshWritesOfEachKind();
                Cycle result = new Cycle(cycle, acknowledged, retries, verification, fresh, writing, restart);
                report.add(result);
                say(result.toString());
                verification.missing().forEach(m -> say("    missing: " + m));
                verification.duplicated().forEach(d -> say("    duplicated: " + d));
                fresh.forEach(f -> say("    fresh write refused: " + f));
                retries.refusals().forEach(r -> say("    retry refused: " + r));
                if (verification.stuckApplied() + verification.stuckLost() > 0) {
                    say(String.format("    keys stuck 'in progress' so far: %d writes applied (the client cannot learn their ids),"
                            + " %d not applied (the client cannot retry them with their key)%n", verification.stuckApplied(),
                            verification.stuckLost()));
                }
            }
        } finally {
            say(storageSize(dataDir, environment));
            keepLog(dataDir.resolve("server.log"));
            deleteRecursively(dataDir);
        }
        long missing = report.stream().mapToLong(c -> c.verification().missing().size()).sum();
        long duplicated = report.stream().mapToLong(c -> c.verification().duplicated().size()).sum();
        say(String.format("Crash recovery (%s): %d cycles, %d writes acknowledged in all, %d missing, %d duplicated, %d server errors%n",
                TestDatabases.kind(), cycles, workload.acknowledged(), missing, duplicated, workload.failures().size()));
        workload.failures().forEach(f -> say("    " + f));
        Findings.save("crash-" + TestDatabases.kind() + ".txt", log.toString());
        assertThat(workload.failures()).as("5xx answers and unanswered retries").isEmpty();
        assertThat(report).allSatisfy(cycle -> {
            assertThat(cycle.verification().missing()).as("cycle %d: acknowledged writes missing", cycle.number()).isEmpty();
            assertThat(cycle.verification().duplicated()).as("cycle %d: writes there twice", cycle.number()).isEmpty();
            assertThat(cycle.freshRefused()).as("cycle %d: fresh writes after the restart", cycle.number()).isEmpty();
        });
    }

    /** Client threads write until the server is killed under them, a random 1–4 s in. */
    private static void writeThenKill(CrashWorkload workload, ServerProcess server, Duration writing, long seed)
            throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            for (int t = 0; t < CLIENT_THREADS; t++) {
                Random random = new Random(seed + t);
                clients.submit(() -> {
                    try {
                        while (workload.writeOnce(random)) {
                            // keep writing: the loop ends when a write gets no answer, that is, after the kill
                        }
                    } catch (RuntimeException e) {
                        workload.failures().add("client thread failed: " + e);
                    }
                });
            }
            Thread.sleep(writing.toMillis());
            server.kill();
        } finally {
            clients.shutdown();
            if (!clients.awaitTermination(90, TimeUnit.SECONDS)) {
                clients.shutdownNow();
                throw new AssertionError("client threads still running 90 s after the kill");
            }
        }
    }

    private static Map<String, String> environment(Path dataDir) {
        if (!"postgres".equals(TestDatabases.kind())) {
            return Map.of("RECIPROCITY_DATA_DIR", dataDir.toString());
        }
        TestDatabases.PostgresDatabase db = TestDatabases.freshPostgres();
        return Map.of("RECIPROCITY_DATA_DIR", dataDir.toString(), "RECIPROCITY_DB_URL", db.url(),
                "RECIPROCITY_DB_USER", db.user(), "RECIPROCITY_DB_PASSWORD", db.password());
    }

    /** The pool of members whose contacts, favors and asks the threads write. */
    private static List<Api.Member> members(Api api) {
        List<Api.Member> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(api.signUp("Crash Pool " + i, PASSWORD));
        }
        return members;
    }

    private static LocalDate today(Api api) {
        Api.Member someone = api.signUp("Crash Clock", PASSWORD);
        return LocalDate.parse(Json.string(api.get("/api/v1/agenda", someone.token()).body(), "today"));
    }

    private static String storageSize(Path dataDir, Map<String, String> environment) {
        if (environment.containsKey("RECIPROCITY_DB_URL")) {
            try (Connection c = DriverManager.getConnection(environment.get("RECIPROCITY_DB_URL"), environment.get("RECIPROCITY_DB_USER"),
                    environment.get("RECIPROCITY_DB_PASSWORD"));
                 ResultSet rs = c.createStatement().executeQuery("select pg_database_size(current_database())")) {
                rs.next();
                return String.format("PostgreSQL database size: %.1f MB", rs.getLong(1) / 1e6);
            } catch (SQLException e) {
                return "PostgreSQL database size unknown: " + e.getMessage();
            }
        }
        Path file = dataDir.resolve("reciprocity.mv.db");
        try {
            return String.format("H2 data file %s: %.1f MB", file.getFileName(), Files.size(file) / 1e6);
        } catch (IOException e) {
            return "H2 data file size unknown: " + e;
        }
    }

    /** The child's output outlives the temporary directory: target/harness/crash-<db>-server.log. */
    private static void keepLog(Path log) throws IOException {
        Path kept = Path.of("target", "harness", "crash-" + TestDatabases.kind() + "-server.log");
        Files.createDirectories(kept.getParent());
        if (Files.exists(log)) {
            Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
