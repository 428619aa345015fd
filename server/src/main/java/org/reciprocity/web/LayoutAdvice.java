package org.reciprocity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    @ModelAttribute("layout")
    Layout layout(HttpServletRequest request) {
        return of(request);
    }

    static Layout of(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        SignedIn member = auth != null && auth.getPrincipal() instanceof SignedIn m ? m : null;
        return new Layout(
                csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(),
                csrf == null ? null : csrf.getToken(),
                member == null ? null : member.displayName(),
                member == null ? null : member.publicId(),
                member != null && member.isAdmin());
    }
}
