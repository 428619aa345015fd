package org.reciprocity.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The digest goes out in each member's own morning, once a day or once a week. */
class DigestScheduleTest {

    static final int SEVEN = 7;

    static Digest.Schedule daily(String zone, String lastSent) {
        return new Digest.Schedule("DAILY", zone, lastSent == null ? null : Instant.parse(lastSent));
    }

    @Test
    void theFirstDigestIsDueAtOnce() {
        assertThat(Digest.due(daily("Europe/Berlin", null), Instant.parse("2026-12-02T03:00:00Z"), SEVEN)).isTrue();
    }

    @Test
    void aDailyDigestWaitsForTheMembersNextMorning() {
        // 07:10 in Berlin on 1 December
        Digest.Schedule berlin = daily("Europe/Berlin", "2026-12-01T06:10:00Z");
        assertThat(Digest.due(berlin, Instant.parse("2026-12-01T20:00:00Z"), SEVEN)).as("same evening").isFalse();
        assertThat(Digest.due(berlin, Instant.parse("2026-12-02T05:59:00Z"), SEVEN)).as("06:59 next day").isFalse();
        assertThat(Digest.due(berlin, Instant.parse("2026-12-02T06:00:00Z"), SEVEN)).as("07:00 next day").isTrue();
    }

    @Test
    void theMorningIsTheMembersNotUtcs() {
        // sent at 07:05 in Los Angeles on 1 December (15:05 UTC)
        Digest.Schedule la = daily("America/Los_Angeles", "2026-12-01T15:05:00Z");
        // 14:00 UTC on 2 December is 06:00 in Los Angeles: not yet her morning
        assertThat(Digest.due(la, Instant.parse("2026-12-02T14:00:00Z"), SEVEN)).isFalse();
        assertThat(Digest.due(la, Instant.parse("2026-12-02T15:00:00Z"), SEVEN)).isTrue();
        // without a time zone, UTC's morning
        assertThat(Digest.due(daily(null, "2026-12-01T07:05:00Z"), Instant.parse("2026-12-02T07:00:00Z"), SEVEN)).isTrue();
    }

    @Test
    void aWeeklyDigestComesOnTheSameWeekday() {
        Digest.Schedule weekly = new Digest.Schedule("WEEKLY", "Asia/Tokyo",
                Instant.parse("2026-11-30T22:05:00Z")); // 07:05 on Tuesday 1 December in Tokyo
        assertThat(Digest.due(weekly, Instant.parse("2026-12-07T22:30:00Z"), SEVEN)).as("the next Tuesday, 07:30").isTrue();
        assertThat(Digest.due(weekly, Instant.parse("2026-12-06T22:30:00Z"), SEVEN)).as("Monday").isFalse();
    }
}
