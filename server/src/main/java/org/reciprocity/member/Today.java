package org.reciprocity.member;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reciprocity.security.CurrentMember;
import org.springframework.stereotype.Component;

/**
 * The one place that says what day it is for a member: the date in their profile's time zone (UTC
 * when they have none). The agenda, expiries, lapses, "not in the future" checks and the digest all
 * ask here, so a member in UTC−8 does not see their day roll over at 4 pm.
 */
@Component
public class Today {

    /** Where no member is concerned (the demo, a whole-community job): the community's day. */
    public static final ZoneId COMMUNITY = ZoneOffset.UTC;

    private final ProfileRows profiles;
    private final Clock clock;

    Today(ProfileRows profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The member's time zone, UTC when they set none (or one this runtime does not know). */
    public ZoneId zone(long memberId) {
        return profiles.timeZone(memberId).map(Today::zoneOf).orElse(COMMUNITY);
    }

    /** The time zones the members set (ids such as "Europe/Lisbon"; absent when none), for rows that carry them. */
    public Map<Long, String> timeZonesOf(Collection<Long> memberIds) {
        return profiles.timeZones(memberIds);
    }

    /** A member's time zone and the date it is there now, for work that needs both (one query). */
    public record Day(ZoneId zone, LocalDate date) {}

    public Day dayOf(long memberId) {
        ZoneId zone = zone(memberId);
        return new Day(zone, LocalDate.ofInstant(clock.instant(), zone));
    }

    public LocalDate of(long memberId) {
        return dayOf(memberId).date();
    }

    public LocalDate of(CurrentMember member) {
        return of(member.id());
    }

    /** Each member's today, in one query; members without a profile get the community's day. */
    public Map<Long, LocalDate> ofAll(Collection<Long> memberIds) {
        Instant now = clock.instant();
        Map<Long, LocalDate> days = new HashMap<>();
        profiles.timeZones(memberIds).forEach((id, zone) -> days.put(id, LocalDate.ofInstant(now, zoneOf(zone))));
        for (Long id : memberIds) {
            days.putIfAbsent(id, LocalDate.ofInstant(now, COMMUNITY));
        }
        return days;
    }

    /** The community's day, for work that concerns no one member. */
    public LocalDate community() {
        return LocalDate.ofInstant(clock.instant(), COMMUNITY);
    }

    /**
     * The earliest date it is anywhere on Earth (UTC−12): a query that must not miss anything that is
     * still open for someone filters with it, then checks each member's own day.
     */
    public LocalDate earliestAnywhere() {
        return earliestAnywhere(clock.instant());
    }

    public static LocalDate earliestAnywhere(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.ofHours(-12));
    }

    /** The latest date it is anywhere on Earth (UTC+14). */
    public LocalDate latestAnywhere() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(14));
    }

    /** The date at {@code now} in the named time zone (UTC when none): how a stored row with its owner's zone reads its day. */
    public static LocalDate dateIn(Instant now, String timeZone) {
        return LocalDate.ofInstant(now, zoneOf(timeZone));
    }

    /** The named time zone, or UTC when none is named or the name is unknown. */
    public static ZoneId zoneOf(String id) {
        if (id == null || id.isBlank()) {
            return COMMUNITY;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return COMMUNITY;
        }
    }
}
