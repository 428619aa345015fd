package org.reciprocity.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.reciprocity.db.ClusterLocks;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every limit that is a rate (API requests per minute, sign-ups per hour) as Bucket4j token buckets.
 * On PostgreSQL the buckets are rows of {@code rate_bucket}, locked while one request takes a token,
 * so several instances count the same bucket; on the embedded H2 database (one process) they live in
 * a bounded in-memory map.
 */
@Component
public class RateLimits {

    /** One rate: {@code permits} per {@code window}, refilled smoothly. */
    public record Rate(String name, long permits, Duration window) {

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(permits).refillGreedy(permits, window))
                    .build();
        }
    }

    /** The outcome of one request for a token, with what the rate-limit headers report. */
    public record Decision(Rate rate, boolean allowed, long remaining, Duration retryAfter, Duration resetIn) {}

    private final ProxyManager<String> buckets;
    private final ClusterLocks locks;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

    RateLimits(DataSource dataSource, Clock clock, ClusterLocks locks) {
        this.locks = locks;
        TimeMeter time = new ClockTime(clock);
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
        if (isPostgreSql(dataSource)) {
            shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("rate_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    .expirationAfterWrite(expiry).clientClock(time).build();
            buckets = shared;
        } else {
            shared = null;
            buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(500_000))
                    .expirationAfterWrite(expiry).clientClock(time).build();
        }
    }

    /** Takes one token from the bucket of {@code key} for {@code rate}. */
    public Decision take(String key, Rate rate) {
        ConsumptionProbe probe = buckets.builder().build(rate.name() + ":" + key, rate::configuration)
                .tryConsumeAndReturnRemaining(1);
        return new Decision(rate, probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()), Duration.ofNanos(probe.getNanosToWaitForReset()));
    }

    /** Buckets that have refilled completely are the same as no bucket: their rows go. */
    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.MINUTES, initialDelay = 10)
    void removeFullBuckets() {
        if (shared != null) {
            locks.runAlone("rate-bucket-clean-up", Duration.ofMinutes(10), Duration.ofMinutes(10), () -> {
                while (shared.removeExpired(1000) == 1000) {
                    // keep going until a batch comes back short
                }
            });
        }
    }

    private static boolean isPostgreSql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to set up rate limits", e);
        }
    }

    /** Bucket4j reads the application's clock, so tests that move time move the buckets too. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            java.time.Instant now = clock.instant();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
