package org.reciprocity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Lets MockMvc tests keep writing {@code .session(session)} although sessions now live in the database
 * and are found by their cookie (Spring Session): the MockHttpSession a test carries holds the session
 * cookie, which this filter sends with each request and takes back from each answer. A test-only bridge;
 * real HTTP requests (browser tests, the harnesses) are left alone and use the cookie as browsers do.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

    static final String COOKIE = "RECIPROCITY_SESSION";
    private static final String HELD = MockMvcSessions.class.getName() + ".cookie";

    @Bean
    FilterRegistrationBean<CookieJar> mockMvcSessionCookieJar() {
        FilterRegistrationBean<CookieJar> registration = new FilterRegistrationBean<>(new CookieJar());
        // before Spring Session's filter (Integer.MIN_VALUE + 50), which reads the cookie
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class CookieJar extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
            MockHttpServletResponse mockResponse = WebUtils.getNativeResponse(response, MockHttpServletResponse.class);
            if (mock == null || mockResponse == null) {
                chain.doFilter(request, response);
                return;
            }
            HttpSession carried = mock.getSession(false);
            String held = carried == null ? null : (String) carried.getAttribute(HELD);
            if (held != null && WebUtils.getCookie(mock, COOKIE) == null) {
                List<Cookie> cookies = new ArrayList<>(mock.getCookies() == null ? List.of() : Arrays.asList(mock.getCookies()));
                cookies.add(new Cookie(COOKIE, held));
                mock.setCookies(cookies.toArray(Cookie[]::new));
            }
            chain.doFilter(request, response);
            Cookie answered = mockResponse.getCookie(COOKIE);
            if (answered != null) {
                if (answered.getMaxAge() == 0 || answered.getValue().isEmpty()) {
                    if (mock.getSession(false) != null) {
                        mock.getSession(false).removeAttribute(HELD);
                    }
                } else {
                    mock.getSession(true).setAttribute(HELD, answered.getValue());
                }
            }
        }
    }
}
