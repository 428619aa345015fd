package org.reciprocity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.web.TooManyRequests;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in page; the form posts to Spring Security's /login. */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn(HttpServletRequest request, Model model) {
        String notice = request.getParameter("signedOut") != null ? "You are signed out."
                : request.getParameter("expired") != null ? "Your session ended. Sign in again to continue."
                : request.getParameter("passwordChanged") != null ? "Your password was changed. Sign in with the new one."
                : request.getParameter("deleted") != null ? "Your account was deleted. Thank you for the favors you gave."
                : null;
        model.addAttribute("notice", notice);
        model.addAttribute("error", null);
        model.addAttribute("email", "");
        return "pages/login";
    }

    /** Where a failed sign-in is forwarded: the same page, the reason, and the status that matches it. */
    @RequestMapping("/login/failed")
    String failed(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object reason = request.getAttribute(SecurityConfig.LOGIN_FAILURE);
        String error;
        if (reason instanceof TooManyRequests limit) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limit.retryAfterSeconds()));
            error = limit.getMessage();
        } else if (reason instanceof DisabledException suspended) {
            response.setStatus(403);
            error = suspended.getMessage();
        } else {
            response.setStatus(401);
            error = PasswordAuthenticator.BAD_CREDENTIALS;
        }
        String email = request.getParameter("email");
        model.addAttribute("notice", null);
        model.addAttribute("error", error);
        model.addAttribute("email", email == null ? "" : email);
        return "pages/login";
    }
}
