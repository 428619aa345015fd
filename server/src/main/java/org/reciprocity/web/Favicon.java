package org.reciprocity.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Browsers ask for /favicon.ico whatever the page links; the icon is an SVG, so they are sent there. */
@Controller
class Favicon {

    @GetMapping("/favicon.ico")
    ResponseEntity<Void> icon() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/favicon.svg")).build();
    }
}
