package org.reciprocity.webhooks;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.webhooks.Webhooks.DeliveryView;
import org.reciprocity.webhooks.Webhooks.Registration;
import org.reciprocity.webhooks.Webhooks.WebhookView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The webhooks page: register, delete, and the delivery log of each. */
@Controller
class WebhookPages {

    private final Webhooks webhooks;

    WebhookPages(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/webhooks")
    String page(@AuthenticationPrincipal CurrentMember me, Model model) {
        return page(me, model, null, Map.of(), "");
    }

    private String page(CurrentMember me, Model model, WebhookView created, Map<String, String> errors, String url) {
        Map<WebhookView, List<DeliveryView>> hooks = new LinkedHashMap<>();
        for (WebhookView hook : webhooks.mine(me)) {
            hooks.put(hook, webhooks.deliveries(me, hook.id()).stream().limit(20).toList());
        }
        model.addAttribute("hooks", hooks);
        model.addAttribute("created", created);
        model.addAttribute("errors", errors);
        model.addAttribute("url", url);
        model.addAttribute("types", WebhookEvent.TYPES);
        return "pages/webhooks";
    }

    @PostMapping("/webhooks")
    String register(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String url,
                    @RequestParam(required = false) List<String> events, HttpServletResponse response, Model model) {
        try {
            WebhookView created = webhooks.register(me, new Registration(url, events));
            return page(me, model, created, Map.of(), "");
        } catch (InvalidInput e) {
            response.setStatus(422);
            return page(me, model, null, e.byField(), url == null ? "" : url);
        }
    }

    @PostMapping("/webhooks/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        webhooks.delete(me, id);
        return "redirect:/webhooks";
    }
}
