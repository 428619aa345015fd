package org.reciprocity.asks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.store.MMapDirectory;
import org.reciprocity.core.matching.HelperMatcher;
import org.reciprocity.core.matching.HelperProfile;
import org.reciprocity.core.matching.TextIndex;
import org.reciprocity.core.profile.Audience;
import org.reciprocity.db.ClusterLocks;
import org.reciprocity.ledger.GivingHistory;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberChanged;
import org.reciprocity.member.MemberRows;
import org.reciprocity.member.Profile;
import org.reciprocity.member.ProfileRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two Lucene indexes matching reads, derived from the database: what each active member can give
 * (only what the community may see of their profile, their open offers, their confirmed given favors)
 * and the open asks and opportunities. Rebuilt at start-up and on demand, kept current on every write.
 *
 * <p>Each instance keeps its own copy. A write refreshes the writing instance's copy after its commit and
 * leaves a row in the change feed ({@link IndexChangeRows}, in the write's transaction), which every instance
 * polls and applies within {@code reciprocity.matching.index-poll} (2 s); a rebuild asked of one instance
 * reaches all of them the same way.
 *
 * <p>The copy lives on disk ({@code reciprocity.matching.index-dir}, in the data directory by default), each
 * commit recording the last feed row it includes; at start an instance opens it and applies the feed from
 * there, instead of rebuilding from the database, when the feed still holds that row (so nothing since was
 * cleaned away) and the copy was written by this version of the index. Otherwise, or with no directory (or
 * one another instance holds), it rebuilds.
 */
@Component
public class MatchIndex implements SmartInitializingSingleton, DisposableBean {

    /** How many of a member's latest confirmed favors count towards what they are known to give. */
    static final int GIVEN_FAVORS_INDEXED = 50;

    static final String TITLE = "title";
    static final String TAGS = "tags";
    static final String DETAILS = "details";

    private static final Logger log = LoggerFactory.getLogger(MatchIndex.class);

    /** Bumped when what the index holds changes shape: a copy of another version is rebuilt. */
    static final String FORMAT = "1";
    private static final String FEED = "feed";
    private static final String FEED_ROW_AT = "feedRowAt";
    private static final String FORMAT_KEY = "format";
    private static final Map<String, Integer> POSTING_FIELDS = Map.of(TITLE, 3, TAGS, 3, DETAILS, 1);

    public record RebuildReport(int members, int postings, long millis) {}

    /** How this instance's copy came to be at start: read again from the database, or opened and caught up. */
    public enum Start { REBUILT, RESUMED }

    private final HelperMatcher helpers;
    private final TextIndex postings;
    private final boolean onDisk;
    private volatile Start startedAs;
    private final MemberRows members;
    private final GivingHistory giving;
    private final ProfileRows profiles;
    private final PostingRows postingRows;
    private final Clock clock;
    private final IndexChangeRows changes;
    private final ClusterLocks locks;
    private final TransactionTemplate connectionInHand;
    /** The feed's rows this copy has applied: the latest id, and the ids of the overlap window (under the lock). */
    private long appliedUpTo;
    private final Map<Long, Instant> recentlyApplied = new HashMap<>();
    /** Orders the reads of the database that refreshes make outside the lock. */
    private final ReadTickets tickets = new ReadTickets();
    /** One catch-up at a time (the poll, or the start). */
    private final Object catchingUp = new Object();
    /** One commit to disk at a time; taken last, never with another lock after it. */
    private final Object committing = new Object();
    private volatile Instant builtAt = Instant.EPOCH;

    MatchIndex(MemberRows members, ProfileRows profiles, GivingHistory giving, PostingRows postingRows, Clock clock,
               IndexChangeRows changes, ClusterLocks locks, PlatformTransactionManager transactions, @Value("${reciprocity.matching.index-dir:}") String indexDir) {
        TextIndex helperIndex = null;
        TextIndex postingIndex = null;
        if (!indexDir.isBlank()) {
            try {
                helperIndex = HelperMatcher.newIndex(new MMapDirectory(Path.of(indexDir, "helpers")));
                postingIndex = new TextIndex(POSTING_FIELDS, new MMapDirectory(Path.of(indexDir, "postings")));
            } catch (IOException | UncheckedIOException e) {
                // another instance on this machine holds the directory (or it cannot be written): keep a copy in memory
                log.warn("Match index directory {} cannot be used ({}); this instance keeps its index in memory", indexDir,
                        e.toString());
                if (helperIndex != null) {
                    helperIndex.close();
                    helperIndex = null;
                }
            }
        }
        this.onDisk = helperIndex != null && postingIndex != null;
        this.helpers = new HelperMatcher(onDisk ? helperIndex : HelperMatcher.newIndex());
        this.postings = onDisk ? postingIndex : new TextIndex(POSTING_FIELDS);
        this.members = members;
        this.giving = giving;
        this.profiles = profiles;
        this.postingRows = postingRows;
        this.clock = clock;
        this.changes = changes;
        this.locks = locks;
        this.connectionInHand = new TransactionTemplate(transactions);
    }

    /**
     * Runs {@code work} under this copy's lock, with a database connection already in hand (the caller's
     * transaction's, or a new one): the rebuild, which reads everything under the lock. A write refreshes the
     * index after its commit while it still holds its connection, and only then waits for the lock; were the
     * lock taken first and a connection asked for after, a rebuild holding the lock would wait for a connection
     * that those writers hold while they wait for the lock (seen, when every refresh read under the lock: twenty
     * concurrent profile saves drained a pool of ten for 30 s). One order, no cycle. Refreshes read the database
     * before they take the lock, and apply what they read under it ({@link ReadTickets}).
     */
    private <T> T locked(Supplier<T> work) {
        return connectionInHand.execute(status -> {
            synchronized (this) {
                return work.get();
            }
        });
    }

    private void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void afterSingletonsInstantiated() {
        long resumeFrom = onDisk ? resumePoint() : -1;
        if (resumeFrom >= 0) {
            long started = System.nanoTime();
            synchronized (this) {
                appliedUpTo = resumeFrom;
            }
            catchUp();
            startedAs = Start.RESUMED;
            log.info("Match index opened from disk and brought up to date: {} members, {} open asks and opportunities"
                    + " in {} ms", helpers.index().size(), postings.size(), (System.nanoTime() - started) / 1_000_000);
            return;
        }
        // changes up to here are in the rebuild; later ones come from the feed
        long latest = changes.latestId();
        synchronized (this) {
            appliedUpTo = latest;
        }
        rebuild();
        startedAs = Start.REBUILT;
    }

    /**
     * The feed row the copy on disk is up to date with, when it can be caught up from there; -1 when it
     * must be rebuilt: new, of another format, of another database, or older than the feed keeps.
     */
    private long resumePoint() {
        Map<String, String> helperData = helpers.index().committedData();
        if (!FORMAT.equals(helperData.get(FORMAT_KEY)) || !helperData.equals(postings.committedData())) {
            return -1;
        }
        long feed = Long.parseLong(helperData.get(FEED));
        return changes.createdAt(feed).map(at -> at.toString().equals(helperData.get(FEED_ROW_AT))).orElse(false) ? feed : -1;
    }

    /** How this instance's copy came to be at start. */
    public Start startedAs() {
        return startedAs;
    }

    /**
     * Makes the copy on disk durable, saying it holds every feed row up to {@code feedRow} (it may hold later
     * ones too: a resume applies them again). Outside the lock, since a commit waits for the disk.
     */
    private void commitUpTo(long feedRow) {
        if (!onDisk) {
            return;
        }
        Optional<Instant> at = changes.createdAt(feedRow);
        if (at.isEmpty()) {
            return; // nothing in the feed yet to resume from: a restart rebuilds
        }
        Map<String, String> data = Map.of(FORMAT_KEY, FORMAT, FEED, Long.toString(feedRow), FEED_ROW_AT,
                at.get().toString());
        synchronized (committing) {
            helpers.index().commit(data);
            postings.commit(data);
        }
    }

    private synchronized long appliedUpTo() {
        return appliedUpTo;
    }

    /** Rebuilds this copy now and has every other instance rebuild theirs (the admin's rebuild). */
    public RebuildReport rebuildEverywhere() {
        long id = changes.record(IndexChangeRows.Kind.REBUILD, 0, clock.instant());
        synchronized (this) {
            recentlyApplied.put(id, clock.instant());
        }
        return rebuild();
    }

    /**
     * Applies what other instances (and this one) changed since the last poll, as one batch: each member or
     * posting is read again once however often it changed, a thousand at a time, and the searchers reopen
     * once a thousand. (One by one, an instance resuming after ten minutes of load took 200 s for 9,000 changes.)
     */
    @Scheduled(fixedDelayString = "${reciprocity.matching.index-poll:PT2S}", initialDelayString = "${reciprocity.matching.index-poll:PT2S}")
    void catchUp() {
        synchronized (catchingUp) {
            applyFeed();
        }
    }

    private void applyFeed() {
        Instant now = clock.instant();
        long before = appliedUpTo();
        List<IndexChangeRows.Change> batch = changes.since(before, now);
        Set<Long> skipped;
        synchronized (this) {
            recentlyApplied.values().removeIf(at -> at.isBefore(now.minus(IndexChangeRows.OVERLAP.multipliedBy(2))));
            skipped = Set.copyOf(recentlyApplied.keySet());
        }
        long upTo = before;
        List<Long> applying = new ArrayList<>();
        Set<Long> changedMembers = new LinkedHashSet<>();
        Set<Long> changedPostings = new LinkedHashSet<>();
        for (IndexChangeRows.Change change : batch) {
            upTo = Math.max(upTo, change.id());
            if (skipped.contains(change.id())) {
                continue;
            }
            applying.add(change.id());
            switch (change.kind()) {
                case MEMBER -> changedMembers.add(change.refId());
                case POSTING -> changedPostings.add(change.refId());
                case REBUILD -> {
                    // the rebuild reads everything as it is now, the earlier changes of the batch included
                    long rebuiltUpTo = upTo;
                    locked(() -> {
                        appliedUpTo = Math.max(appliedUpTo, rebuiltUpTo);
                        readEverything();
                        applying.forEach(id -> recentlyApplied.put(id, now));
                    });
                    applying.clear();
                    changedMembers.clear();
                    changedPostings.clear();
                }
            }
        }
        // marked applied only once applied: a failure here (the database away) leaves the batch for the next poll
        refreshPostings(changedPostings, changedMembers);
        refreshMembers(changedMembers);
        long applied;
        synchronized (this) {
            applying.forEach(id -> recentlyApplied.put(id, now));
            appliedUpTo = Math.max(appliedUpTo, upTo);
            applied = appliedUpTo;
        }
        if (applied != before) {
            commitUpTo(applied);
        }
    }

    @Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS, initialDelay = 11)
    void forgetOldChanges() {
        locks.runAlone("index-change-clean-up", Duration.ofHours(1), Duration.ofMinutes(30), () -> changes.forgetOld(clock.instant()));
    }

    /** In the transaction of the change: every instance learns of it from the feed. */
    @EventListener
    void record(MemberChanged changed) {
        refreshedHereAfterCommit(changes.record(IndexChangeRows.Kind.MEMBER, changed.memberId(), clock.instant()));
    }

    @EventListener
    void record(PostingChanged changed) {
        refreshedHereAfterCommit(changes.record(IndexChangeRows.Kind.POSTING, changed.postingId(), clock.instant()));
    }

    /**
     * This instance refreshes its copy after the commit ({@code on(...)} above), so its own poll of the feed
     * skips the row instead of refreshing the same member or posting a second time.
     */
    private void refreshedHereAfterCommit(long feedRow) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    markApplied(feedRow);
                }
            });
        }
    }

    private synchronized void markApplied(long feedRow) {
        recentlyApplied.put(feedRow, clock.instant());
    }

    /** When this instance's copy was last built from scratch (the wall clock, not the application's). */
    public Instant builtAt() {
        return builtAt;
    }

    HelperMatcher helpers() {
        return helpers;
    }

    TextIndex postings() {
        return postings;
    }

    /** Reads everything again from the database. */
    public RebuildReport rebuild() {
        return locked(this::readEverything);
    }

    private RebuildReport readEverything() {
        long start = System.nanoTime();
        long ticket = tickets.take();
        RebuildReport report;
        try {
            List<Long> active = members.activeIds();
            Map<Long, List<String>> offers = new HashMap<>();
            postingRows.open(EnumSet.of(PostingKind.OFFER), clock.instant()).stream().filter(MatchIndex::seenByEveryone)
                    .forEach(o -> offers.computeIfAbsent(o.ownerId(), k -> new ArrayList<>()).add(o.title()));
            Map<Long, List<String>> given = giving.confirmedKinds(GIVEN_FAVORS_INDEXED);
            helpers.index().clear();
            for (int from = 0; from < active.size(); from += 1000) {
                List<Long> chunk = active.subList(from, Math.min(active.size(), from + 1000));
                helpers.index().putAll(helperDocs(chunk, offers, given));
            }
            postings.clear();
            List<Posting> open = postingRows.open(EnumSet.of(PostingKind.ASK, PostingKind.OPPORTUNITY), clock.instant());
            postings.putAll(open.stream().map(MatchIndex::postingDoc).toList());
            report = new RebuildReport(active.size(), open.size(), (System.nanoTime() - start) / 1_000_000);
            tickets.rebuilt(ticket);
        } finally {
            tickets.done(ticket);
        }
        builtAt = Instant.now();
        commitUpTo(appliedUpTo);
        log.info("Match index built: {} members, {} open asks and opportunities in {} ms", report.members(),
                report.postings(), report.millis());
        return report;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberChanged changed) {
        refreshMember(changed.memberId());
    }

    /** Re-reads one member; removes them when they are gone or suspended. */
    void refreshMember(long memberId) {
        refreshMembers(List.of(memberId));
    }

    /**
     * Re-reads these members, a thousand at a time, and applies what it read under the lock; removes those
     * who are gone or suspended.
     */
    private void refreshMembers(Collection<Long> memberIds) {
        List<Long> ids = List.copyOf(memberIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            long ticket = tickets.take();
            try {
                Map<Long, Member> found = members.byIds(chunk);
                List<Long> active = chunk.stream().filter(id -> found.containsKey(id) && found.get(id).isActive()).toList();
                Set<Long> activeSet = Set.copyOf(active);
                List<Long> gone = chunk.stream().filter(id -> !activeSet.contains(id)).toList();
                Map<Long, List<String>> offers = new HashMap<>();
                postingRows.openOfOwners(active, Set.of(PostingKind.OFFER), clock.instant()).stream()
                        .filter(MatchIndex::seenByEveryone)
                        .forEach(o -> offers.computeIfAbsent(o.ownerId(), k -> new ArrayList<>()).add(o.title()));
                List<TextIndex.Doc> docs = helperDocs(active, offers, giving.confirmedKindsOf(active, GIVEN_FAVORS_INDEXED));
                applyRead(helpers.index(), ReadTickets.Of.MEMBER, ticket, chunk, docs, gone);
            } finally {
                tickets.done(ticket);
            }
        }
    }

    /**
     * Applies what the read of {@code ticket} found for the documents {@code read}: the puts and removals that
     * no newer read has replaced, under the lock; then waits, without it, until they are searchable.
     */
    private void applyRead(TextIndex index, ReadTickets.Of of, long ticket, Collection<Long> read, List<TextIndex.Doc> puts,
                           List<Long> removals) {
        long generation;
        synchronized (this) {
            generation = index.write(puts.stream().filter(doc -> tickets.isCurrent(of, doc.id(), ticket)).toList(),
                    removals.stream().filter(id -> tickets.isCurrent(of, id, ticket)).toList());
            tickets.applied(of, read, ticket);
        }
        index.awaitSearchable(generation);
    }

    /** The helper documents of these active members, their profiles read here, their offers and favor kinds given. */
    private List<TextIndex.Doc> helperDocs(List<Long> memberIds, Map<Long, List<String>> offers, Map<Long, List<String>> given) {
        Map<Long, Profile> seen = profiles.of(memberIds);
        return memberIds.stream().map(id -> helperProfile(id, seen.getOrDefault(id, Profile.empty()),
                offers.getOrDefault(id, List.of()), given.getOrDefault(id, List.of())).doc()).toList();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostingChanged changed) {
        refreshPosting(changed.postingId());
    }

    /** Puts an open ask or opportunity in the index, or takes it out; an offer refreshes its author. */
    void refreshPosting(long postingId) {
        Set<Long> authors = new HashSet<>();
        refreshPostings(List.of(postingId), authors);
        refreshMembers(authors);
    }

    /**
     * Puts the open asks and opportunities among these postings in the index and takes the others out
     * (closed, expired or deleted); adds the authors of offers to {@code authorsToRefresh}, since an offer
     * is part of what its author can give.
     */
    private void refreshPostings(Collection<Long> postingIds, Set<Long> authorsToRefresh) {
        if (postingIds.isEmpty()) {
            return;
        }
        long ticket = tickets.take();
        try {
            Map<Long, Posting> found = postingRows.byIds(postingIds);
            List<TextIndex.Doc> open = new ArrayList<>();
            List<Long> out = new ArrayList<>();
            for (long id : postingIds) {
                Posting posting = found.get(id);
                if (posting != null && posting.kind() == PostingKind.OFFER) {
                    authorsToRefresh.add(posting.ownerId());
                } else if (posting != null && posting.isOpen(clock.instant())) {
                    open.add(postingDoc(posting));
                } else {
                    out.add(id);
                }
            }
            applyRead(postings, ReadTickets.Of.POSTING, ticket, postingIds, open, out);
        } finally {
            tickets.done(ticket);
        }
    }

    /**
     * The helper index serves every asker alike, so it holds only what every member may see: an offer
     * shown to connections only never shapes a stranger's matches or their reasons.
     */
    private static boolean seenByEveryone(Posting offer) {
        return offer.visibility() == PostingVisibility.COMMUNITY;
    }

    private static HelperProfile helperProfile(long memberId, Profile profile, List<String> offers, List<String> given) {
        Profile seen = profile.seenBy(Audience.MEMBER);
        return new HelperProfile(memberId, seen.skills() == null ? List.of() : seen.skills(), seen.headline(),
                seen.bio(), offers, given);
    }

    private static TextIndex.Doc postingDoc(Posting p) {
        return new TextIndex.Doc(p.id(), Map.of(TITLE, List.of(p.title()), TAGS, p.tags(), DETAILS, List.of(p.details())));
    }

    @Override
    public void destroy() {
        commitUpTo(appliedUpTo());
        helpers.index().close();
        postings.close();
    }
}
