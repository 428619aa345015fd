package org.reciprocity.member;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.reciprocity.core.profile.Audience;
import org.reciprocity.core.profile.CultureRegion;
import org.reciprocity.core.profile.ProfileField;
import org.reciprocity.db.SearchWords;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Decides who sees what of a member (M2, N5) for pages and the API, and applies profile edits. */
@Component
public class MemberViews {

    private final MemberRows members;
    private final ProfileRows profiles;
    private final Relationships relationships;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    MemberViews(MemberRows members, ProfileRows profiles, Relationships relationships, Clock clock,
                ApplicationEventPublisher events, TransactionTemplate tx) {
        this.members = members;
        this.profiles = profiles;
        this.relationships = relationships;
        this.clock = clock;
        this.events = events;
        this.tx = tx;
    }

    /**
     * The member with this public id as {@code viewer} (null when not signed in) may see them.
     * Suspended members are not shown to others.
     */
    public MemberView view(String publicId, CurrentMember viewer) {
        return view(visible(publicId, viewer), viewer);
    }

    /** The member with this public id, when {@code viewer} may see them at all; otherwise not found. */
    public Member visible(String publicId, CurrentMember viewer) {
        return members.byPublicId(publicId)
                .filter(m -> m.isActive() || viewer != null && viewer.id() == m.id())
                // a member who blocked the viewer is, to the viewer, no longer there
                .filter(m -> viewer == null || !relationships.hasBlocked(m.id(), viewer.id()))
                .orElseThrow(() -> new NotFound("There is no member with this id."));
    }

    /** Whether {@code viewer} (null when not signed in) may see this field of the owner's profile. */
    public boolean shows(long ownerId, CurrentMember viewer, ProfileField field) {
        return profiles.of(ownerId).visibilityOf(field).isVisibleTo(audienceOf(ownerId, viewer));
    }

    /**
     * Of these members, those {@code viewer} may see named: active, and not blocked either way. Explanations
     * that name people (who vouched for whom) name only these.
     */
    public Map<Long, Member> nameable(CurrentMember viewer, Collection<Long> ids) {
        Set<Long> hidden = viewer == null ? Set.of() : relationships.blockedEitherWay(viewer.id());
        Map<Long, Member> shown = new LinkedHashMap<>();
        members.byIds(ids).forEach((id, m) -> {
            if ((m.isActive() || viewer != null && viewer.id() == id) && !hidden.contains(id)) {
                shown.put(id, m);
            }
        });
        return shown;
    }

    /** Candidates read per query while a search fills a page; a search reads at most {@link #SEARCH_ROUNDS} such batches. */
    static final int SEARCH_BATCH = 200;
    static final int SEARCH_ROUNDS = 10;

    /**
     * A page of a directory search: the members found, and whether there may be more before or after them. When
     * a search has read its share of candidates without filling the page, {@code nextAfter} says where to go on.
     */
    public record Found(List<Member> members, Long nextAfter, Long previousBefore) {}

    /**
     * Members whose name, headline, skills, industry, location or culture hold every word of {@code text}, counting
     * only the fields {@code viewer} may see of each (M2): a match in a field hidden from the viewer finds nobody.
     * Pages go forward after {@code afterId} (sign-up order) or back from {@code beforeId}.
     */
    public Found search(CurrentMember viewer, String text, long afterId, Long beforeId, int limit) {
        SearchWords words = SearchWords.of(text);
        List<List<String>> cultures = words.words().stream().map(w -> Arrays.stream(CultureRegion.values())
                .filter(c -> c.label().toLowerCase(Locale.ROOT).contains(w)).map(Enum::name).toList()).toList();
        Set<Long> hidden = viewer == null ? Set.of() : relationships.blockedEitherWay(viewer.id());
        Set<Long> connected = viewer == null ? Set.of() : relationships.connectionsOf(viewer.id());
        boolean back = beforeId != null;
        List<Member> found = new ArrayList<>();
        long after = afterId;
        Long before = beforeId;
        boolean exhausted = false;
        for (int round = 0; round < SEARCH_ROUNDS && found.size() <= limit && !exhausted; round++) {
            List<Member> batch = members.searchCandidates(words, cultures, after, before, SEARCH_BATCH);
            exhausted = batch.size() < SEARCH_BATCH;
            Map<Long, Profile> seen = profiles.of(batch.stream().map(Member::id).toList());
            for (Member m : batch) {
                if (hidden.contains(m.id())) {
                    continue;
                }
                Audience audience = audienceOf(m.id(), viewer, () -> connected.contains(m.id()));
                if (words.allIn(searchable(m, seen.getOrDefault(m.id(), Profile.empty()).seenBy(audience)))) {
                    found.add(m);
                    if (found.size() > limit) {
                        break;
                    }
                }
            }
            if (!batch.isEmpty()) {
                long last = batch.get(batch.size() - 1).id();
                if (back) {
                    before = last;
                } else {
                    after = last;
                }
            }
        }
        boolean more = found.size() > limit;
        List<Member> shown = more ? found.subList(0, limit) : found;
        Long resume = more ? Long.valueOf(shown.get(shown.size() - 1).id()) : exhausted ? null : Long.valueOf(back ? before : after);
        if (back) {
            List<Member> ordered = new ArrayList<>(shown);
            java.util.Collections.reverse(ordered);
            // going back: what remains lies before the first shown; the next page starts after the last shown
            Long next = ordered.isEmpty() ? Long.valueOf(beforeId - 1) : Long.valueOf(ordered.get(ordered.size() - 1).id());
            return new Found(ordered, next, resume);
        }
        Long previous = afterId <= 0 ? null : shown.isEmpty() ? Long.valueOf(afterId + 1) : Long.valueOf(shown.get(0).id());
        return new Found(List.copyOf(shown), resume, previous);
    }

    /** The text a search looks through: the name and the searchable fields of the profile as the viewer sees it. */
    private static String searchable(Member m, Profile seen) {
        StringBuilder text = new StringBuilder(m.displayName());
        for (String value : new String[] {seen.headline(), seen.industry(), seen.location()}) {
            if (value != null) {
                text.append('\n').append(value);
            }
        }
        if (seen.skills() != null) {
            seen.skills().forEach(s -> text.append('\n').append(s));
        }
        if (seen.culture() != null) {
            text.append('\n').append(seen.culture().label());
        }
        return text.toString();
    }

    /** The community's members after {@code afterId}, in sign-up order, without those who blocked the viewer. */
    public List<Member> directoryPage(CurrentMember viewer, long afterId, int limit) {
        Set<Long> hidden = viewer == null ? Set.of() : relationships.blockedEitherWay(viewer.id());
        return members.pageAfter(afterId, limit).stream().filter(m -> !hidden.contains(m.id())).toList();
    }

    MemberView view(Member member, CurrentMember viewer) {
        Audience audience = audienceOf(member.id(), viewer);
        return MemberView.of(member, profiles.of(member.id()).seenBy(audience), audience == Audience.OWNER);
    }

    public MemberView own(CurrentMember me) {
        return view(members.byId(me.id()).orElseThrow(() -> new NotFound("Your account no longer exists.")), me);
    }

    /**
     * Many members as {@code viewer} sees them (a directory page): their profiles and the viewer's connections
     * read once for all, rather than three queries and a connection check per member.
     */
    public List<MemberView> views(List<Member> shown, CurrentMember viewer) {
        Map<Long, Profile> seen = profiles.of(shown.stream().map(Member::id).toList());
        Set<Long> connected = viewer == null ? Set.of() : relationships.connectionsOf(viewer.id());
        return shown.stream().map(m -> {
            Audience audience = audienceOf(m.id(), viewer, () -> connected.contains(m.id()));
            return MemberView.of(m, seen.getOrDefault(m.id(), Profile.empty()).seenBy(audience), audience == Audience.OWNER);
        }).toList();
    }

    Audience audienceOf(long ownerId, CurrentMember viewer) {
        return audienceOf(ownerId, viewer, () -> relationships.areConnected(viewer.id(), ownerId));
    }

    private static Audience audienceOf(long ownerId, CurrentMember viewer, BooleanSupplier connected) {
        boolean signedIn = viewer != null;
        boolean owner = signedIn && viewer.id() == ownerId;
        return Audience.of(signedIn, owner, signedIn && !owner && connected.getAsBoolean());
    }

    /** Checks and saves the member's own profile; renames them when a display name is given. */
    public MemberView update(CurrentMember me, ProfileUpdate update) {
        Profile current = profiles.of(me.id());
        ProfileUpdate.Valid valid = update.validated(current.visibility());
        tx.executeWithoutResult(status -> {
            profiles.save(me.id(), valid.profile(), clock.instant());
            if (valid.displayName() != null) {
                members.rename(me.id(), valid.displayName());
            }
            events.publishEvent(new MemberChanged(me.id()));
        });
        if (valid.displayName() != null) {
            refreshPrincipalName(me, valid.displayName());
        }
        return own(me);
    }

    /**
     * Pauses or resumes the member's giving (L5's advice, one button on the ledger): while paused nobody is pointed
     * to them for help. Only this field changes, in one transaction with the event the match index follows.
     */
    public void setGivingPaused(CurrentMember me, boolean paused) {
        tx.executeWithoutResult(status -> {
            profiles.setGivingPaused(me.id(), paused, clock.instant());
            events.publishEvent(new MemberChanged(me.id()));
        });
    }

    /** Keeps the name in the session's principal current, so the page header shows the new name. */
    private static void refreshPrincipalName(CurrentMember me, String name) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken token
                && token.getPrincipal() instanceof CurrentMember current && current.id() == me.id()) {
            var refreshed = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                    .authenticated(current.withDisplayName(name), null, token.getAuthorities());
            SecurityContextHolder.getContext().setAuthentication(refreshed);
        }
    }
}
