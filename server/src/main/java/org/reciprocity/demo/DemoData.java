package org.reciprocity.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.reciprocity.asks.AsksSeeder;
import org.reciprocity.asks.MatchIndex;
import org.reciprocity.asks.PostingKind;
import org.reciprocity.core.profile.CultureRegion;
import org.reciprocity.core.profile.OpenTo;
import org.reciprocity.followup.FollowUpSeedRows;
import org.reciprocity.introductions.IntroductionSeeder;
import org.reciprocity.ledger.ExchangeStatus;
import org.reciprocity.ledger.LedgerSeedRows;
import org.reciprocity.member.Accounts;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.reciprocity.member.Profile;
import org.reciprocity.network.ConnectionRows;
import org.reciprocity.network.ContactSeedRows;
import org.reciprocity.security.Passwords;
import org.reciprocity.synthetic.CommunityGenerator;
import org.reciprocity.synthetic.DemoAsks;
import org.reciprocity.synthetic.DemoFollowUp;
import org.reciprocity.synthetic.DemoLedger;
import org.reciprocity.synthetic.DemoWorld;
import org.reciprocity.synthetic.SyntheticCommunity;
import org.reciprocity.synthetic.SyntheticExchange;
import org.reciprocity.synthetic.SyntheticMember;
import org.reciprocity.trust.SeedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code --demo}, fills an empty database with a believable community before the server
 * accepts requests, and prints where to go and how to sign in. A database that already has members
 * is left alone.
 */
@Component
class DemoData implements SmartInitializingSingleton {

    static final String PASSWORD = "reciprocity-demo";
    static final String ADMIN_EMAIL = "admin@" + CommunityGenerator.EMAIL_DOMAIN;
    static final int SIZE = 240;
    static final long SEED = 20261126L;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Environment environment;
    private final Accounts accounts;
    private final MemberRows members;
    private final ConnectionRows connections;
    private final Passwords passwords;
    private final LedgerSeedRows ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AsksSeeder asks;
    private final IntroductionSeeder introductions;
    private final MatchIndex matchIndex;
    private final FollowUpSeedRows followUps;
    private final ContactSeedRows contacts;
    private final SeedSet trustSeeds;
    private DemoWorld world;

    DemoData(Environment environment, Accounts accounts, MemberRows members, ConnectionRows connections,
             Passwords passwords, LedgerSeedRows ledger, TransactionTemplate tx, Clock clock, AsksSeeder asks,
             IntroductionSeeder introductions, MatchIndex matchIndex, FollowUpSeedRows followUps,
             ContactSeedRows contacts, SeedSet trustSeeds) {
        this.contacts = contacts;
        this.trustSeeds = trustSeeds;
        this.followUps = followUps;
        this.asks = asks;
        this.introductions = introductions;
        this.matchIndex = matchIndex;
        this.environment = environment;
        this.accounts = accounts;
        this.members = members;
        this.connections = connections;
        this.passwords = passwords;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    private boolean requested() {
        return environment.containsProperty("demo") || environment.getProperty("reciprocity.demo", Boolean.class, false);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!requested()) {
            return;
        }
        if (members.count() > 0) {
            log.info("Demo data not loaded: the database already has members.");
            return;
        }
        long started = System.nanoTime();
        DemoWorld generated = DemoLedger.build(new CommunityGenerator(SEED).generate(SIZE), SEED);
        String hash = passwords.hash(PASSWORD);
        Instant now = clock.instant();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        tx.executeWithoutResult(status -> {
            int[] joinedDaysAgo = joinedDaysAgo(generated);
            int founded = java.util.Arrays.stream(joinedDaysAgo).max().orElse(0) + 30;
            accounts.createPrefilled(ADMIN_EMAIL, "Community Admin", hash, adminProfile(), true,
                    now.minus(Duration.ofDays(founded)));
            List<Member> created = new ArrayList<>(generated.members().size());
            for (int i = 0; i < generated.members().size(); i++) {
                SyntheticMember m = generated.members().get(i);
                created.add(accounts.createPrefilled(m.email(), m.displayName(), hash, profileOf(m), false,
                        now.minus(Duration.ofDays(joinedDaysAgo[i]))));
            }
            for (SyntheticCommunity.Connection c : generated.connections()) {
                connections.connect(created.get(c.first()).id(), created.get(c.second()).id(),
                        now.minus(Duration.ofDays(c.daysAgo())));
            }
            ledger.seed(generated.exchanges().stream().map(e -> new LedgerSeedRows.Favor(
                    created.get(e.giver()).id(), created.get(e.receiver()).id(), e.recordedByReceiver(), e.kind(),
                    e.description(), e.weight(), today.minusDays(e.daysAgo()), statusOf(e.outcome()), e.thanks(),
                    e.disputeReason())).toList(), now);
            DemoAsks.Plan plan = DemoAsks.build(generated, SEED);
            asks.seed(plan.postings().stream().map(p -> new AsksSeeder.Seed(created.get(p.owner()).id(),
                    PostingKind.valueOf(p.kind().name()), p.title(), p.details(), p.tags(), p.connectionsOnly(),
                    p.commercial(), today.plusDays(p.expiresInDays()))).toList(),
                    plan.pledges().stream().map(p -> new AsksSeeder.PledgeSeed(p.ask(), created.get(p.helper()).id(),
                            p.note(), today.plusDays(p.dueInDays()))).toList(), now);
            plan.introductions().forEach(i -> introductions.propose(created.get(i.introducer()).id(),
                    created.get(i.first()).id(), created.get(i.second()).id(), i.reason(), now));
            DemoFollowUp.Plan touches = DemoFollowUp.build(generated, SEED);
            List<ContactSeedRows.SeedContact> seeds = touches.contacts().stream()
                    .map(c -> new ContactSeedRows.SeedContact(created.get(c.owner()).id(),
                            c.linkedMember() == null ? null : created.get(c.linkedMember()).id(), c.name(), c.email(), c.tier(),
                            today.minusDays(c.knownDaysAgo()))).toList();
            List<Long> contactIds = contacts.seed(seeds, now);
            followUps.seed(touches.interactions().stream().map(i -> new FollowUpSeedRows.SeedInteraction(
                    seeds.get(i.contact()).ownerId(), contactIds.get(i.contact()), i.type(), today.minusDays(i.daysAgo()),
                    i.note())).toList(), now);
            generated.vettedMembers(10).forEach(m -> trustSeeds.vet(created.get(m).id(), null));
        });
        matchIndex.rebuild();
        world = generated;
        log.info("Demo community loaded: {} members, {} connections, {} favors in {} ms.", generated.members().size() + 1,
                generated.connections().size(), generated.exchanges().size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * When each member joined, in days before today: a week or more before their first connection or favor, so
     * that the community dashboard's growth by month reads as a community that grew.
     */
    private static int[] joinedDaysAgo(DemoWorld world) {
        int[] first = new int[world.members().size()];
        for (SyntheticCommunity.Connection c : world.connections()) {
            first[c.first()] = Math.max(first[c.first()], c.daysAgo());
            first[c.second()] = Math.max(first[c.second()], c.daysAgo());
        }
        for (SyntheticExchange e : world.exchanges()) {
            first[e.giver()] = Math.max(first[e.giver()], e.daysAgo());
            first[e.receiver()] = Math.max(first[e.receiver()], e.daysAgo());
        }
        for (int i = 0; i < first.length; i++) {
            first[i] += 7 + i % 23;
        }
        return first;
    }

    private static ExchangeStatus statusOf(SyntheticExchange.Outcome outcome) {
        return switch (outcome) {
            case CONFIRMED -> ExchangeStatus.CONFIRMED;
            case PENDING -> ExchangeStatus.PENDING;
            case DISPUTED -> ExchangeStatus.DISPUTED;
        };
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!requested()) {
            return;
        }
        String url = environment.getProperty("reciprocity.base-url", "http://localhost:8080");
        StringBuilder personas = new StringBuilder();
        if (world != null) {
            String[][] roles = {{"generous", "the generous entrepreneur"}, {"opensource", "the open-source developer"},
                    {"consultant", "the consultant with a hidden agenda"}, {"business", "the business that only asks"},
                    {"overgiver", "the over-giver"}};
            for (String[] role : roles) {
                SyntheticMember m = world.members().get(world.personas().get(role[0]));
                personas.append(String.format("%n   %-36s %s", m.email(), role[1]));
            }
        }
        String banner = """

                ------------------------------------------------------------------
                 Reciprocity is running at %s
                 Demo sign-in (admin):  %s / %s
                 Every demo member's password is %s; the scenario personas:%s
                ------------------------------------------------------------------
                """.formatted(url, ADMIN_EMAIL, PASSWORD, PASSWORD,
                personas.length() == 0 ? " (see the existing database)" : personas);
        log.info(banner);
    }

    private static Profile adminProfile() {
        Profile empty = Profile.empty();
        return new Profile("Keeps this community running", "I look after the community's settings and invites.",
                List.of("Community building", "Facilitation"), List.of("Volunteering"), "Nonprofit", null, "UTC",
                CultureRegion.WESTERN_EUROPE, List.of("English"), java.util.Set.of(OpenTo.INTRODUCTIONS), 4, false,
                empty.visibility());
    }

    private static Profile profileOf(SyntheticMember m) {
        return new Profile(m.headline(), m.bio(), m.skills(), m.interests(), m.industry(), m.location(), m.timeZone(),
                m.culture(), m.languages(), m.openTo(), m.capacityPerMonth(), m.givingPaused(), Profile.defaults());
    }
}
