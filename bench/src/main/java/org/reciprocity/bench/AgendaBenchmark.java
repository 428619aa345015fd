package org.reciprocity.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reciprocity.core.agenda.Agenda;
import org.reciprocity.core.agenda.AgendaInput;
import org.reciprocity.core.agenda.AgendaItem;
import org.reciprocity.core.agenda.InteractionType;
import org.reciprocity.core.ledger.Direction;
import org.reciprocity.core.ledger.Entry;
import org.reciprocity.core.ledger.EntryStatus;
import org.reciprocity.core.network.Tier;

/**
 * The agenda of a very busy member: 5,000 tracked contacts (half linked to members), 50,000 favors
 * (grouped by relationship and in date order, as the server hands them) and 20,000 logged interactions
 * over three years, against the naive baseline in the same run.
 * Run: {@code java -jar bench/target/benchmarks.jar AgendaBenchmark}.
 */
@Fork(1) // the JVM's default heap, as the server runs
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AgendaBenchmark {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @State(Scope.Benchmark)
    public static class BusyMember {
        public AgendaInput input;

        @Setup(Level.Trial)
        public void generate() {
            Random random = new Random(3);
            int contacts = 5_000;
            // one key instance per person, as the server builds them
            String[] contactKeys = new String[contacts];
            String[] memberKeys = new String[contacts];
            for (int c = 0; c < contacts; c++) {
                contactKeys[c] = "c:" + c;
                memberKeys[c] = "m:" + c;
            }
            List<AgendaInput.Person> people = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            for (int c = 0; c < contacts; c++) {
                Tier tier = Tier.values()[c % 3];
                Set<String> aliases = c % 2 == 0 ? Set.of(memberKeys[c]) : Set.of();
                people.add(new AgendaInput.Person(contactKeys[c], "Contact " + c, tier, null,
                        TODAY.minusDays(random.nextInt(1500)), aliases));
                names.put(contactKeys[c], "Contact " + c);
            }
            List<Entry> entries = new ArrayList<>();
            for (int e = 0; e < 50_000; e++) {
                int c = random.nextInt(contacts);
                String who = c % 2 == 0 && random.nextBoolean() ? memberKeys[c] : contactKeys[c];
                Direction direction = random.nextBoolean() ? Direction.GAVE : Direction.RECEIVED;
                EntryStatus status = who.startsWith("c:") ? EntryStatus.PRIVATE
                        : random.nextInt(10) == 0 ? EntryStatus.PENDING : EntryStatus.CONFIRMED;
                LocalDate on = TODAY.minusDays(random.nextInt(1100));
                entries.add(new Entry(e, who, direction, 1 + random.nextInt(5), on, status, on, random.nextInt(4) > 0, null));
            }
            // as the server hands them: grouped by relationship, in date order
            entries.sort(java.util.Comparator.comparing(Entry::counterpart).thenComparing(Entry::occurredOn)
                    .thenComparingLong(Entry::id));
            List<AgendaInput.Interaction> interactions = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                int c = random.nextInt(contacts);
                interactions.add(new AgendaInput.Interaction("i" + i, c % 2 == 0 && random.nextBoolean() ? memberKeys[c] : contactKeys[c],
                        InteractionType.values()[random.nextInt(4)], TODAY.minusDays(random.nextInt(1100))));
            }
            interactions.sort(java.util.Comparator.comparing(AgendaInput.Interaction::personKey));
            List<AgendaInput.Pledge> pledges = new ArrayList<>();
            for (int p = 0; p < 20; p++) {
                pledges.add(new AgendaInput.Pledge("p" + p, "Ask " + p, "Asker " + p, TODAY.plusDays(random.nextInt(20) - 5)));
            }
            List<AgendaInput.Posting> postings = new ArrayList<>();
            for (int p = 0; p < 10; p++) {
                postings.add(new AgendaInput.Posting("a" + p, "ask", "Ask " + p, TODAY.plusDays(random.nextInt(30))));
            }
            input = new AgendaInput(people, interactions, entries, Map.of(), names, pledges, postings,
                    AgendaInput.DEFAULT_CADENCES);
            int fast = Agenda.build(input, TODAY).size();
            int naive = Boolean.getBoolean("skipNaive") ? fast : NaiveAgenda.build(input, TODAY).size();
            System.out.printf("%nagenda items: %d (naive baseline: %d)%n", fast, naive);
            if (fast != naive) {
                throw new IllegalStateException("the baseline does not compute the same agenda");
            }
        }
    }

    @Benchmark
    public List<AgendaItem> agenda(BusyMember m) {
        return Agenda.build(m.input, TODAY);
    }

    /** About 20 s per call: fewer iterations, each still at least one call. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public List<AgendaItem> naiveBaseline(BusyMember m) {
        return NaiveAgenda.build(m.input, TODAY);
    }
}
