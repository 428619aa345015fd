package org.reciprocity.followup;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The addresses that work without signing in: the calendar feed and the digest's unsubscribe link. */
@Controller
class PublicFollowUp {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");
    /** Named, so a browser that opens the address saves an .ics (Spring would otherwise call it f.txt). */
    static final String DISPOSITION = ContentDisposition.inline().filename("reciprocity-agenda.ics").build().toString();

    private final CalendarFeed feed;
    private final Digest digest;

    PublicFollowUp(CalendarFeed feed, Digest digest) {
        this.feed = feed;
        this.digest = digest;
    }

    /** Served by SecurityConfig's stateless calendar chain: no session and no cookie for calendar apps. */
    @GetMapping("/calendar/{file}")
    @ResponseBody
    ResponseEntity<String> calendar(@PathVariable String file) {
        String secret = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        return feed.feed(secret)
                .map(body -> ResponseEntity.ok().contentType(CALENDAR).header(HttpHeaders.CONTENT_DISPOSITION, DISPOSITION)
                        .cacheControl(CacheControl.noStore()).body(body))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .cacheControl(CacheControl.noStore())
                        .body("No calendar at this address. It may have been replaced by a new one."));
    }

    @GetMapping("/digest/unsubscribe/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        model.addAttribute("found", true);
        return "pages/unsubscribe";
    }

    /** A button, not the link itself, unsubscribes: mail scanners follow links. */
    @PostMapping("/digest/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("done", true);
        model.addAttribute("found", digest.unsubscribe(token));
        return "pages/unsubscribe";
    }
}
