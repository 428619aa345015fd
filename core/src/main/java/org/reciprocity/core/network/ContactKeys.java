package org.reciprocity.core.network;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keys under which two records are the same person, strongest first: an e-mail address, a
 * profile URL, then name and company together. Normalised so that case, accents, "www.", a
 * trailing slash or http versus https do not hide a duplicate.
 */
public final class ContactKeys {

    private ContactKeys() {
    }

    public static List<String> of(List<String> emails, String profileUrl, String name, String company) {
        List<String> keys = new ArrayList<>();
        for (String email : emails) {
            if (email != null && !email.isBlank()) {
                keys.add("email:" + email.strip().toLowerCase(Locale.ROOT));
            }
        }
        String url = url(profileUrl);
        if (url != null) {
            keys.add("url:" + url);
        }
        if (name != null && !name.isBlank() && company != null && !company.isBlank()) {
            keys.add("name:" + fold(name) + "@" + fold(company));
        }
        return keys;
    }

    static String url(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        int query = u.indexOf('?');
        if (query >= 0) {
            u = u.substring(0, query);
        }
        return u.replaceAll("/+$", "");
    }

    static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
