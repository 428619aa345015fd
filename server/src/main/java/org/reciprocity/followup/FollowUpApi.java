package org.reciprocity.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.reciprocity.followup.FollowUpViews.AgendaView;
import org.reciprocity.followup.FollowUpViews.CadenceInput;
import org.reciprocity.followup.FollowUpViews.CadenceView;
import org.reciprocity.followup.FollowUpViews.DigestView;
import org.reciprocity.followup.FollowUpViews.FeedView;
import org.reciprocity.followup.FollowUpViews.InteractionInput;
import org.reciprocity.followup.FollowUpViews.InteractionView;
import org.reciprocity.followup.FollowUpViews.SnoozeInput;
import org.reciprocity.followup.FollowUpViews.StandingView;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.Cursor;
import org.reciprocity.web.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Follow-up")
class FollowUpApi {

    private final FollowUp followUp;
    private final CalendarFeed feed;
    private final Digest digest;

    FollowUpApi(FollowUp followUp, CalendarFeed feed, Digest digest) {
        this.followUp = followUp;
        this.feed = feed;
        this.digest = digest;
    }

    @PostMapping("/api/v1/interactions")
    @Operation(summary = "Log a meeting, call, message or event with a member or one of your contacts",
            description = "Resets that relationship's keep-in-touch timer; a meeting or event asks for a follow-up within 2 days.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<InteractionView> logInteraction(@AuthenticationPrincipal CurrentMember me, @RequestBody InteractionInput body) {
        InteractionView created = followUp.log(me, body);
        return ResponseEntity.created(URI.create("/api/v1/interactions/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/interactions")
    @Operation(summary = "The caller's logged interactions, newest first")
    ListPage<InteractionView> listInteractions(@AuthenticationPrincipal CurrentMember me) {
        return new ListPage<>(followUp.interactions(me, 500), null);
    }

    @GetMapping("/api/v1/agenda")
    @Operation(summary = "Today's agenda: follow-ups, thank-yous, favors to give back, keep-in-touch, pledges, expiring posts",
            description = "Items due today or overdue, not done and not snoozed, soonest first, paged (limit, cursor). "
                    + "reminderId is what done and snooze take.")
    AgendaView getAgenda(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) Integer limit,
                         @RequestParam(required = false) String cursor) {
        return followUp.agenda(me).page(Cursor.of(limit, cursor));
    }

    @PostMapping("/api/v1/agenda/{reminderId}/done")
    @Operation(summary = "Mark an agenda item done")
    Map<String, String> markDone(@AuthenticationPrincipal CurrentMember me, @PathVariable String reminderId) {
        followUp.done(me, reminderId);
        return Map.of("reminderId", reminderId, "state", "DONE");
    }

    @PostMapping("/api/v1/agenda/{reminderId}/snooze")
    @Operation(summary = "Snooze an agenda item for some days ({days}) or until a date ({until})")
    Map<String, Object> snoozeItem(@AuthenticationPrincipal CurrentMember me, @PathVariable String reminderId,
                               @RequestBody(required = false) SnoozeInput body) {
        LocalDate until = followUp.snooze(me, reminderId, body);
        return Map.of("reminderId", reminderId, "state", "SNOOZED", "until", until);
    }

    @GetMapping("/api/v1/losing-touch")
    @Operation(summary = "Contacts past their ideal (AMBER) or maximum (RED) interval",
            description = "sort=silence (default, longest first), recent or name.")
    ListPage<StandingView> listLosingTouch(@AuthenticationPrincipal CurrentMember me,
                                       @RequestParam(required = false) String sort,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor) {
        return Cursor.of(limit, cursor).slice(followUp.losingTouch(me, sort));
    }

    @GetMapping("/api/v1/cadences")
    @Operation(summary = "The caller's keep-in-touch cadence per tier (ideal and maximum days)")
    List<CadenceView> listCadences(@AuthenticationPrincipal CurrentMember me) {
        return followUp.cadences(me);
    }

    @PutMapping("/api/v1/cadences/{tier}")
    @Operation(summary = "Set the cadence of a tier: {idealDays, maxDays}")
    List<CadenceView> setCadence(@AuthenticationPrincipal CurrentMember me, @PathVariable String tier,
                                 @RequestBody CadenceInput body) {
        return followUp.setCadence(me, tier, body);
    }

    @PutMapping("/api/v1/contacts/{id}/cadence")
    @Operation(summary = "Give one contact its own cadence; {} goes back to its tier's")
    Map<String, String> setContactCadence(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                                          @RequestBody(required = false) CadenceInput body) {
        followUp.setContactCadence(me, id, body);
        return Map.of("contactId", id);
    }

    @GetMapping("/api/v1/calendar-feed")
    @Operation(summary = "The secret address of the caller's iCalendar feed (text/calendar), readable without a token")
    FeedView getCalendarFeed(@AuthenticationPrincipal CurrentMember me) {
        return new FeedView(feed.url(me));
    }

    @PostMapping("/api/v1/calendar-feed/regenerate")
    @Operation(summary = "Replace the feed's secret address; the old one stops working at once")
    FeedView regenerateCalendarFeed(@AuthenticationPrincipal CurrentMember me) {
        return new FeedView(feed.regenerate(me));
    }

    @GetMapping("/api/v1/me/digest")
    @Operation(summary = "The caller's e-mail digest: OFF, DAILY or WEEKLY")
    DigestView getDigest(@AuthenticationPrincipal CurrentMember me) {
        return new DigestView(digest.frequency(me).name());
    }

    @PutMapping("/api/v1/me/digest")
    @Operation(summary = "Opt in to one e-mail a day or a week with the agenda ({frequency}), or out")
    DigestView setDigest(@AuthenticationPrincipal CurrentMember me, @RequestBody DigestView body) {
        return new DigestView(digest.set(me, body == null ? null : body.frequency()).name());
    }
}
