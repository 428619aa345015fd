package org.reciprocity.introductions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.reciprocity.introductions.Introductions.IntroductionView;
import org.reciprocity.introductions.Introductions.Proposal;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Introductions")
class IntroductionsApi {

    private final Introductions introductions;

    IntroductionsApi(Introductions introductions) {
        this.introductions = introductions;
    }

    @PostMapping("/api/v1/introductions")
    @Operation(summary = "Propose to introduce two of your connections, saying why",
            description = "Each of them accepts or declines; e-mails are shared only after both accept.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IntroductionView> proposeIntroduction(@AuthenticationPrincipal CurrentMember me, @RequestBody Proposal body) {
        IntroductionView created = introductions.propose(me, body);
        return ResponseEntity.created(URI.create("/api/v1/introductions/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/introductions")
    @Operation(summary = "Introductions the caller proposed or is part of, newest first")
    ListPage<IntroductionView> listIntroductions(@AuthenticationPrincipal CurrentMember me) {
        return new ListPage<>(introductions.mine(me), null);
    }

    @GetMapping("/api/v1/introductions/{id}")
    @Operation(summary = "One introduction, for the three people in it")
    IntroductionView getIntroduction(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return introductions.get(me, id);
    }

    @PostMapping("/api/v1/introductions/{id}/accept")
    @Operation(summary = "Accept an introduction (either introduced member)")
    IntroductionView acceptIntroduction(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return introductions.accept(me, id);
    }

    @PostMapping("/api/v1/introductions/{id}/decline")
    @Operation(summary = "Decline an introduction (either introduced member)")
    IntroductionView declineIntroduction(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return introductions.decline(me, id);
    }
}
