package org.reciprocity.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.reciprocity.core.insight.CommunityInsight;
import org.reciprocity.core.trust.TrustGraph;
import org.reciprocity.core.trust.TrustScores;
import org.reciprocity.core.trust.TrustSettings;
import org.reciprocity.db.ClusterLocks;
import org.reciprocity.ledger.GivingHistory;
import org.reciprocity.member.MemberRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes everyone's trust in the background (T1) and stores it with its time: reading never computes.
 * A run starts when an admin asks, when the last one is older than {@link TrustProperties#every}, or once
 * {@link TrustProperties#afterConfirmations} favors were confirmed since it started; one runs at a time
 * across instances (the run row's unique slot), on the instance that started it, which beats its heartbeat;
 * a run whose instance stopped is marked failed by any instance.
 */
@Service
public class TrustRecompute {

    private static final Logger log = LoggerFactory.getLogger(TrustRecompute.class);

    private final TrustRows rows;
    private final InsightRows insights;
    private final GivingHistory giving;
    private final MemberRows members;
    private final ClusterLocks locks;
    private final ThreadPoolTaskExecutor executor;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final TrustProperties properties;
    private final Clock clock;
    private final TrustSettings settings = TrustSettings.defaults();
    /** The runs this instance is computing: it alone beats their heartbeats. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    TrustRecompute(TrustRows rows, InsightRows insights, GivingHistory giving, MemberRows members, ClusterLocks locks,
                   @Qualifier("trustExecutor") ThreadPoolTaskExecutor executor, TransactionTemplate tx,
                   TrustProperties properties, Clock clock) {
        this.rows = rows;
        this.insights = insights;
        this.giving = giving;
        this.members = members;
        this.locks = locks;
        this.executor = executor;
        this.tx = tx;
        this.readOnly = new TransactionTemplate(tx.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a run, or answers the one already running (on any instance). */
    TrustRows.Run start(TrustRows.Reason reason) {
        rows.failAbandoned(clock.instant());
        TrustRows.Run run;
        try {
            run = rows.create(reason, clock.instant());
        } catch (DuplicateKeyException alreadyRunning) {
            return rows.running().orElseThrow(() -> alreadyRunning);
        }
        running.add(run.id());
        try {
            executor.execute(() -> compute(run));
        } catch (RejectedExecutionException e) {
            running.remove(run.id());
            rows.finish(run.id(), TrustRows.Status.FAILED, null, null, null, "This instance was shutting down.", clock.instant());
        }
        return rows.byPublicId(run.publicId()).orElseThrow();
    }

    Optional<TrustRows.Run> run(String publicId) {
        return rows.byPublicId(publicId);
    }

    /** The newest run, for the admin page. */
    Optional<TrustRows.Run> latest() {
        return rows.latest();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.SECONDS, initialDelay = 10)
    void beatAndFailAbandoned() {
        Instant now = clock.instant();
        rows.beat(running, now);
        int failed = rows.failAbandoned(now);
        if (failed > 0) {
            log.warn("{} trust computation(s) lost their instance (a restart or a crash) and were marked failed.", failed);
        }
    }

    /** Every {@code check-every}, on one instance: {@link #startIfDue}. */
    @Scheduled(fixedDelayString = "${reciprocity.trust.check-every:PT1M}", initialDelayString = "${reciprocity.trust.first-check:PT20S}")
    void startWhenDue() {
        locks.runAlone("trust-recompute-due", Duration.ofSeconds(30), Duration.ofMinutes(5), this::startIfDue);
    }

    /** Starts a run when none ever ran, when the last is older than {@code every}, or after enough confirmations. */
    void startIfDue() {
        Optional<TrustRows.Run> latest = rows.latest();
        if (latest.isEmpty()) {
            start(TrustRows.Reason.SCHEDULE);
        } else if (latest.get().status() != TrustRows.Status.RUNNING) {
            Instant since = latest.get().startedAt();
            if (since.plus(properties.every()).isBefore(clock.instant())) {
                start(TrustRows.Reason.SCHEDULE);
            } else if (giving.confirmedAfter(since) >= properties.afterConfirmations()) {
                start(TrustRows.Reason.CONFIRMATIONS);
            }
        }
    }

    private void compute(TrustRows.Run run) {
        try {
            Instant startedAt = run.startedAt();
            LocalDate today = LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
            // suspended members neither hold trust nor pass it on
            long began = System.nanoTime();
            List<Long> active = members.activeIds();
            Map<Long, Integer> number = new HashMap<>(active.size() * 2);
            for (int i = 0; i < active.size(); i++) {
                number.put(active.get(i), i);
            }
            TrustGraph.Builder builder = TrustGraph.builder(active.size(), Math.max(16, active.size() * 4));
            double[] generosity = new double[active.size()];
            CommunityInsight.Builder insight = CommunityInsight.builder(active.size());
            readOnly.executeWithoutResult(status -> giving.forEachTrustFavor(favor -> {
                Integer giver = number.get(favor.giver());
                Integer receiver = number.get(favor.receiver());
                double weight = giving.decayedWeight(favor, today);
                if (giver == null || receiver == null || giver.equals(receiver) || !(weight > 0)) {
                    return;
                }
                if (favor.confirmed()) {
                    builder.favor(giver, receiver, weight);
                    generosity[giver] += weight;
                    if (!favor.occurredOn().isBefore(today.minusDays(INSIGHT_WINDOW_DAYS))) {
                        insight.favor(giver, receiver, favor.weight(), favor.occurredOn());
                    }
                } else {
                    boolean giverClaimed = favor.recorder() == favor.giver();
                    builder.disputed(giverClaimed ? giver : receiver, giverClaimed ? receiver : giver, weight);
                }
            }));
            rows.progress(run.id(), 40, clock.instant());
            long read = System.nanoTime();
            TrustGraph graph = builder.build(settings);
            Set<Long> seedIds = new LinkedHashSet<>(members.activeAdminIds());
            seedIds.addAll(rows.vettedIds());
            int[] seeds = seedIds.stream().map(number::get).filter(Objects::nonNull).mapToInt(Integer::intValue).toArray();
            long[] lastReport = {System.nanoTime()};
            TrustScores scores = graph.trust(seeds, (iteration, change) -> {
                if (System.nanoTime() - lastReport[0] > 1_000_000_000L) {
                    lastReport[0] = System.nanoTime();
                    rows.progress(run.id(), 40 + Math.min(50, iteration * 50 / settings.maxIterations()), clock.instant());
                }
            });
            rows.progress(run.id(), 90, clock.instant());
            long scored = System.nanoTime();
            double[] generosityPercentile = TrustScores.percentilesOf(generosity);
            boolean[] seeded = new boolean[active.size()];
            for (int seed : seeds) {
                seeded[seed] = true;
            }
            List<TrustRows.Score> stored = new ArrayList<>(active.size());
            for (int i = 0; i < active.size(); i++) {
                Sources sources = sourcesOf(graph, scores, i, seeded, active);
                stored.add(new TrustRows.Score(active.get(i), scores.score(i), scores.relative(i), scores.percentile(i),
                        generosity[i], generosityPercentile[i], sources.vettedShare(), sources.top()));
            }
            InsightRows.Stored dashboard = stored(insight, today, active);
            long explained = System.nanoTime();
            boolean finished = Boolean.TRUE.equals(tx.execute(status -> {
                rows.replaceScores(stored, startedAt);
                insights.insert(run.id(), dashboard, startedAt);
                // finished last, so that the run's row is not locked (its heartbeat blocked) while the scores are written
                if (!rows.finish(run.id(), TrustRows.Status.DONE, active.size(), graph.pairs(), scores.iterations(), null,
                        clock.instant())) {
                    status.setRollbackOnly(); // marked abandoned meanwhile: its scores are not the current ones
                    return false;
                }
                return true;
            }));
            long done = System.nanoTime();
            log.info("Trust computed{}: {} members, {} pairs, {} iterations (last change {}), seed set of {}; {} ms reading the"
                            + " favors, {} ms scoring, {} ms explaining and the dashboard, {} ms storing",
                    finished ? "" : " too late", active.size(), graph.pairs(), scores.iterations(), scores.lastChange(),
                    seeds.length, (read - began) / 1_000_000, (scored - read) / 1_000_000, (explained - scored) / 1_000_000,
                    (done - explained) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Trust computation {} failed", run.publicId(), e);
            rows.finish(run.id(), TrustRows.Status.FAILED, null, null, null, "The computation failed: " + e.getMessage(), clock.instant());
        } finally {
            running.remove(run.id());
        }
    }

    /** The dashboard's window: the favors of the last year. */
    static final int INSIGHT_WINDOW_DAYS = 365;

    private InsightRows.Stored stored(CommunityInsight.Builder builder, LocalDate today, List<Long> ids) {
        LocalDate from = today.minusDays(INSIGHT_WINDOW_DAYS);
        members.joinedAfter(from.minusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .forEach(at -> builder.joined(LocalDate.ofInstant(at, ZoneOffset.UTC)));
        CommunityInsight.Insight i = builder.compute(from, today);
        return new InsightRows.Stored(i.from(), i.to(), i.members(), i.activeMembers(), i.favors(), i.links(),
                i.reciprocatedLinks(), i.r(), i.density(), i.rho(), i.weighted(), i.cycles3(), i.giveTake(),
                i.topGivers().stream().map(g -> new InsightRows.Giver(ids.get(g.member()), g.favors(), g.weight())).toList(),
                i.atRisk().stream().map(a -> new InsightRows.AtRisk(ids.get(a.giver()), ids.get(a.receiver()), a.favors(),
                        a.weight(), a.last())).toList(),
                i.growth().stream().map(m -> new InsightRows.Month(m.month().toString(), m.joined(), m.favors(), m.active()))
                        .toList());
    }

    private record Sources(double vettedShare, List<TrustRows.Contributor> top) {}

    /**
     * Where member {@code i}'s trust comes from: the few trusters who pass them most, each with their share, and
     * the share that does not come from unvetted members (the seeds' own part and what seeds pass them).
     */
    private static Sources sourcesOf(TrustGraph graph, TrustScores scores, int i, boolean[] seeded, List<Long> ids) {
        double score = scores.score(i);
        if (!(score > 0)) {
            return new Sources(0, List.of());
        }
        PriorityQueue<double[]> largest = new PriorityQueue<>(Comparator.comparingDouble((double[] c) -> c[1]));
        double[] fromUnvetted = {0};
        graph.forEachContribution(i, scores, (truster, amount) -> {
            if (!seeded[truster]) {
                fromUnvetted[0] += amount;
            }
            largest.add(new double[] {truster, amount});
            if (largest.size() > TrustRows.CONTRIBUTORS_KEPT) {
                largest.poll();
            }
        });
        List<TrustRows.Contributor> top = new ArrayList<>(largest.size());
        while (!largest.isEmpty()) {
            double[] c = largest.poll();
            top.add(0, new TrustRows.Contributor(ids.get((int) c[0]), Math.min(1, c[1] / score)));
        }
        return new Sources(Math.max(0, Math.min(1, 1 - fromUnvetted[0] / score)), top);
    }
}
