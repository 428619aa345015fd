package org.reciprocity.db;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scheduled work that must run on one instance at a time, however many share the database: ShedLock's
 * lock row per job (table {@code shedlock}, V10), timed by the database's clock so that instances whose
 * clocks differ still agree. Work that claims its own rows (webhook deliveries) needs no lock and runs
 * everywhere in parallel.
 */
@Component
public class ClusterLocks {

    private final LockingTaskExecutor executor;
    private final Clock clock;

    ClusterLocks(DataSource dataSource, Clock clock) {
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build()));
        this.clock = clock;
    }

    /**
     * Runs {@code job} unless another instance holds its lock; returns whether it ran. The lock is kept
     * for nine tenths of {@code period} even after a quick run, so that instances scheduling the same job
     * on the same period run it once per period between them.
     *
     * @param atMost when the lock lapses if its holder died mid-run: longer than any run takes (and never
     *               shorter than the nine tenths of the period it is held for anyway)
     */
    public boolean runAlone(String name, Duration period, Duration atMost, Runnable job) {
        Duration atLeast = period.minus(period.dividedBy(10));
        Duration lapse = atMost.compareTo(atLeast) < 0 ? atLeast : atMost;
        LockingTaskExecutor.TaskResult<Object> result;
        try {
            result = executor.executeWithLock(() -> {
                job.run();
                return null;
            }, new LockConfiguration(clock.instant(), name, lapse, atLeast));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return result.wasExecuted();
    }
}
