package org.reciprocity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three filter chains: the JSON API is stateless and authenticated by bearer tokens (so CSRF does not
 * apply to it); the calendar feed is stateless too, its secret address being the credential; pages use
 * a session, form sign-in and CSRF tokens. All send the same security headers on every response,
 * errors and static files included.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** Request attribute under which the failure handler passes the reason to the sign-in page. */
    static final String LOGIN_FAILURE = SecurityConfig.class.getName() + ".loginFailure";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems, Idempotency idempotency,
                            RateLimits rateLimits, LimitsProperties limits, Clock clock) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/tokens").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, problems, clock), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ApiRateLimitFilter(rateLimits, limits.api(), problems), BearerTokenFilter.class)
                .addFilterAfter(idempotency.filter(), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.unauthorized(response,
                                "Send a personal access token in the header 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((request, response, ex) -> problems.forbidden(response,
                                "Your account may not do this.")))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    /**
     * Calendar apps fetch the feed every hour and keep no cookies: under the pages chain each fetch
     * made a session, because the layout's CSRF token (read for every controller's model) is stored in
     * one. Here nothing stores a session or a CSRF token, and only GET and HEAD of a feed address pass,
     * so there is no state-changing request for CSRF to guard. Anything else is a 404.
     */
    @Bean
    @Order(2)
    SecurityFilterChain calendar(HttpSecurity http) throws Exception {
        http.securityMatcher("/calendar/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a
                        // capability addresses: the secret in the path is the credential (F3)
                        .requestMatchers(HttpMethod.GET, "/calendar/*").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/calendar/*").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfig::notFound)
                        .accessDeniedHandler(SecurityConfig::notFound))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    /** A bare 404: sendError would forward to the error page, under the pages chain and its session. */
    private static void notFound(HttpServletRequest request, HttpServletResponse response, RuntimeException e) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, PasswordAuthenticator authenticator, SessionRegistry sessions,
                              SessionProperties sessionProperties, Clock clock) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/login", "/login/failed", "/signup", "/error", "/favicon.ico", "/favicon.svg",
                                "/css/**", "/js/**", "/webjars/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/api-docs", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/members/*", "/members/*/reputation").permitAll()
                        // a capability address: the token in the path is the credential (F3)
                        .requestMatchers("/digest/unsubscribe/*").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .authenticationProvider(new FormLoginProvider(authenticator))
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(new SignedIn(clock))
                        .failureHandler(SecurityConfig::loginFailed)
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("RECIPROCITY_SESSION"))
                .sessionManagement(s -> s
                        .sessionFixation(f -> f.changeSessionId())
                        .sessionConcurrency(c -> c.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired")))
                .addFilterAfter(new AbsoluteSessionTimeout(sessionProperties.absoluteTimeout(), clock),
                        SecurityContextHolderFilter.class)
                .headers(SecurityConfig::headers);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }

    /** Renders the sign-in page again, with the reason and the right status (401, 403 or 429). */
    private static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        request.setAttribute(LOGIN_FAILURE, e instanceof FormLoginProvider.Throttled t ? t.limit
                : e instanceof DisabledException ? e : null);
        request.getRequestDispatcher("/login/failed").forward(request, response);
    }

    /** Notes the time of sign-in for the absolute session timeout, then goes where the member was heading. */
    private static final class SignedIn extends SavedRequestAwareAuthenticationSuccessHandler {
        private final Clock clock;

        SignedIn(Clock clock) {
            this.clock = clock;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
            request.getSession().setAttribute(AbsoluteSessionTimeout.SIGNED_IN_AT, clock.instant());
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /**
     * Every member's sessions as the shared session store (Spring Session JDBC) indexes them by
     * principal name: ending them on one instance ends them on all.
     */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }
}
