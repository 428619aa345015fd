package org.reciprocity.ownership;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Downloading one's data and deleting one's account, from the account page. */
@Controller
class OwnershipPages {

    private final DataOwnership ownership;

    OwnershipPages(DataOwnership ownership) {
        this.ownership = ownership;
    }

    @GetMapping("/account/archive")
    ResponseEntity<Map<String, Object>> archive(@AuthenticationPrincipal CurrentMember me) {
        return OwnershipApi.download(ownership.archive(me));
    }

    @GetMapping("/account/delete")
    String confirm(Model model) {
        model.addAttribute("error", null);
        return "pages/delete-account";
    }

    @PostMapping("/account/delete")
    String delete(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String password,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            ownership.delete(me, password);
        } catch (InvalidInput | Conflict e) {
            response.setStatus(e instanceof Conflict ? 409 : 422);
            model.addAttribute("error", e.getMessage());
            return "pages/delete-account";
        }
        request.getSession().invalidate();
        SecurityContextHolder.clearContext();
        return "redirect:/login?deleted";
    }
}
