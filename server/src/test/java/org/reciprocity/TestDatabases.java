package org.reciprocity;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database an integration test context runs on, chosen by the system property
 * {@code reciprocity.test.db}: {@code h2} (default) or {@code postgres}. PostgreSQL is a server named
 * by {@code RECIPROCITY_TEST_PG_URL} (with {@code _USER} and {@code _PASSWORD}) or, without it, real
 * PostgreSQL binaries started from Maven artifacts. Each context gets a database of its own.
 */
public final class TestDatabases {

    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    public static String kind() {
        return System.getProperty("reciprocity.test.db", "h2");
    }

    public static void register(DynamicPropertyRegistry registry) {
        String name = "reciprocity_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if ("postgres".equals(kind())) {
            String external = System.getenv("RECIPROCITY_TEST_PG_URL");
            if (external != null && !external.isBlank()) {
                registry.add("spring.datasource.url", () -> external);
                registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("RECIPROCITY_TEST_PG_USER", "postgres"));
                registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("RECIPROCITY_TEST_PG_PASSWORD", ""));
                registry.add("spring.flyway.clean-disabled", () -> "false");
                registry.add("spring.flyway.clean-on-validation-error", () -> "false");
                return;
            }
            EmbeddedPostgres pg = embedded();
            createDatabase(pg, name);
            registry.add("spring.datasource.url", () -> pg.getJdbcUrl("postgres", name));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            registry.add("spring.datasource.username", () -> "sa");
            registry.add("spring.datasource.password", () -> "");
        }
    }

    /** Where a PostgreSQL database is and how to sign in to it. */
    public record PostgresDatabase(String url, String user, String password) {}

    /**
     * A fresh, empty database for a server started outside the test JVM (the crash test's child
     * process): a new database on the embedded PostgreSQL, or the one RECIPROCITY_TEST_PG_URL names.
     */
    public static PostgresDatabase freshPostgres() {
        String external = System.getenv("RECIPROCITY_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return new PostgresDatabase(external, System.getenv().getOrDefault("RECIPROCITY_TEST_PG_USER", "postgres"),
                    System.getenv().getOrDefault("RECIPROCITY_TEST_PG_PASSWORD", ""));
        }
        String name = "reciprocity_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        EmbeddedPostgres pg = embedded();
        createDatabase(pg, name);
        return new PostgresDatabase(pg.getJdbcUrl("postgres", name), "postgres", "");
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return embedded;
    }

    private static void createDatabase(EmbeddedPostgres pg, String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
    }
}
