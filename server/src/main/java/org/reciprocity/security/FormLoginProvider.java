package org.reciprocity.security;

import java.util.List;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.TooManyRequests;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Adapts {@link PasswordAuthenticator} to Spring Security's form login. */
final class FormLoginProvider implements AuthenticationProvider {

    /** A sign-in refused by the throttle; carries the wait to the failure handler. */
    static final class Throttled extends AuthenticationException {
        final transient TooManyRequests limit;

        Throttled(TooManyRequests limit) {
            super(limit.getMessage());
            this.limit = limit;
        }
    }

    private final PasswordAuthenticator authenticator;

    FormLoginProvider(PasswordAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
        try {
            CurrentMember member = authenticator.authenticate(authentication.getName(),
                    String.valueOf(authentication.getCredentials()), address);
            return authenticated(member);
        } catch (TooManyRequests e) {
            throw new Throttled(e);
        }
    }

    static UsernamePasswordAuthenticationToken authenticated(CurrentMember member) {
        return UsernamePasswordAuthenticationToken.authenticated(member, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + member.role().name())));
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }

}
