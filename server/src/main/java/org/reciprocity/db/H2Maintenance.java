package org.reciprocity.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the embedded H2 file database sound between crashes. H2 writes by appending and reclaims
 * space mostly when it closes cleanly; after kill -9 the file keeps its garbage. So, before the
 * application first connects, a file that has grown to more than twice its size after the last
 * compaction (and past 64 MB) is compacted with {@code SHUTDOWN COMPACT}. And after the migrations,
 * every identity column whose next value has fallen behind the largest id in its table is moved past
 * it, so a crash never makes the next insert reuse an id. PostgreSQL needs neither.
 */
@Configuration(proxyBeanMethods = false)
class H2Maintenance {

    private static final Logger log = LoggerFactory.getLogger(H2Maintenance.class);
    private static final Pattern FILE_URL = Pattern.compile("^jdbc:h2:(?:file:)?([^;:][^;]*)(;.*)?$");
    static final long MIN_COMPACT_BYTES = 64L * 1024 * 1024;

    @Bean
    static BeanPostProcessor compactH2BeforeFirstConnection(org.springframework.beans.factory.ObjectProvider<DataSourceProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof DataSource) {
                    DataSourceProperties p = properties.getIfAvailable();
                    if (p != null && p.getUrl() != null) {
                        compactIfGrown(p.getUrl(), p.getUsername(), p.getPassword(), MIN_COMPACT_BYTES);
                    }
                }
                return bean;
            }
        };
    }

    /** Compacts the H2 file behind {@code url} when it grew past twice its last compacted size; does nothing otherwise. */
    static void compactIfGrown(String url, String user, String password, long minBytes) {
        Matcher m = FILE_URL.matcher(url);
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || !m.matches()) {
            return;
        }
        Path file = Path.of(m.group(1) + ".mv.db");
        Path marker = Path.of(m.group(1) + ".compacted-size");
        try {
            if (!Files.exists(file)) {
                return;
            }
            long size = Files.size(file);
            long last = Files.exists(marker) ? Long.parseLong(Files.readString(marker).strip()) : 0;
            if (size < minBytes || size < 2 * last) {
                return;
            }
            long start = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, user, password == null ? "" : password);
                 Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            long after = Files.size(file);
            Files.writeString(marker, Long.toString(after));
            log.info("Compacted the database file {} from {} MB to {} MB in {} ms", file, size >> 20, after >> 20,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | SQLException | NumberFormatException e) {
            log.warn("Could not compact the database file {}: {}", file, e.getMessage());
        }
    }

    /** After Flyway has migrated: on H2, identity sequences that fell behind their table's ids move past them. */
    @Bean
    Callback repairH2Identities() {
        return new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                try {
                    repairIdentities(context.getConnection());
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not check the identity sequences", e);
                }
            }

            @Override
            public String getCallbackName() {
                return "repair-h2-identities";
            }
        };
    }

    static int repairIdentities(Connection c) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().startsWith("H2")) {
            return 0;
        }
        record Identity(String table, String column, long next) {}
        List<Identity> identities = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select table_name, column_name, identity_base from information_schema.columns
                     where is_identity = 'YES' and table_schema = current_schema()
                     """)) {
            while (rs.next()) {
                identities.add(new Identity(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        int repaired = 0;
        for (Identity id : identities) {
            long max;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select coalesce(max(" + id.column() + "), 0) from " + id.table())) {
                rs.next();
                max = rs.getLong(1);
            }
            if (id.next() <= max) {
                try (Statement s = c.createStatement()) {
                    s.execute("alter table " + id.table() + " alter column " + id.column() + " restart with " + (max + 1));
                }
                log.warn("The id sequence of {}.{} was at {} behind its largest id {}; moved it to {}", id.table(),
                        id.column(), id.next(), max, max + 1);
                repaired++;
            }
        }
        return repaired;
    }
}
