package org.reciprocity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.reciprocity.security.CurrentMember;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a member in to the current browser session without a password round-trip (right after
 * sign-up), with the same protections as the sign-in form: a new session id, the sign-in time for
 * the absolute timeout, and registration so a password change can end the session.
 */
@Component
public class SessionSignIn {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final SessionRegistry sessions;
    private final Clock clock;

    SessionSignIn(SessionRegistry sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public void signIn(CurrentMember member, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(FormLoginProvider.authenticated(member));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        request.getSession().setAttribute(AbsoluteSessionTimeout.SIGNED_IN_AT, clock.instant());
        sessions.registerNewSession(request.getSession().getId(), member);
    }

    /** Stores a changed principal (a new display name) in the session. */
    public void refresh(HttpServletRequest request, HttpServletResponse response) {
        repository.saveContext(SecurityContextHolder.getContext(), request, response);
    }
}
