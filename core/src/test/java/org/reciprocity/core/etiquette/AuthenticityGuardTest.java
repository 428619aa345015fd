package org.reciprocity.core.etiquette;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AuthenticityGuardTest {

    record Sample(boolean pitch, String text) {}

    @Test
    void showsTheAuthorThePhrasesThatTriggeredTheWarning() {
        AuthenticityGuard.Assessment a = AuthenticityGuard.assess(
                "Free workshop: scaling your business in 30 days. Book a call to unlock my premium program today!");
        assertThat(a.level()).isEqualTo(AuthenticityGuard.Level.COMMERCIAL);
        assertThat(a.triggers()).anySatisfy(t -> assertThat(t.toLowerCase(Locale.ROOT)).contains("book a call"))
                .anySatisfy(t -> assertThat(t.toLowerCase(Locale.ROOT)).contains("premium program"));
    }

    @Test
    void aPersonalNoteRaisesNothing() {
        AuthenticityGuard.Assessment a = AuthenticityGuard.assess(
                "Hi Maria, we met at the Berlin Java user group and talked about virtual threads.");
        assertThat(a.level()).isEqualTo(AuthenticityGuard.Level.OK);
        assertThat(a.triggers()).isEmpty();
        assertThat(AuthenticityGuard.assess(null).score()).isZero();
    }

    @Test
    void aPriceAloneIsInformationNotPressure() {
        assertThat(AuthenticityGuard.assess("Our team is hiring; the salary is $90,000 a year.").level())
                .isEqualTo(AuthenticityGuard.Level.OK);
    }

    /** The corpus: 55 genuine texts and 55 pitches, written by hand. Figures are printed for the record. */
    @Test
    void precisionAndRecallOnTheHandWrittenCorpus() throws Exception {
        List<Sample> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        List<String> misses = new ArrayList<>();
        for (Sample s : corpus) {
            boolean flagged = AuthenticityGuard.assess(s.text()).warns();
            if (flagged && s.pitch()) tp++;
            else if (flagged) { fp++; misses.add("false alarm: " + s.text()); }
            else if (s.pitch()) { fn++; misses.add("missed: " + s.text()); }
            else tn++;
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf(Locale.ROOT, "Authenticity guard on %d texts: precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)%n",
                corpus.size(), precision, recall, tp, fp, fn, tn);
        misses.forEach(System.out::println);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).isGreaterThanOrEqualTo(0.90);
    }

    static List<Sample> corpus() throws Exception {
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                AuthenticityGuardTest.class.getResourceAsStream("authenticity-corpus.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                samples.add(new Sample(parts[0].equals("PITCH"), parts[1]));
            }
        }
        return samples;
    }
}
