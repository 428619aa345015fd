package org.reciprocity.core.etiquette;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a text for aggressive sales language (E1): "avoid overly aggressive sales pitches when
 * engaging with new contacts". Each signal has a weight; the author is shown the phrases that
 * triggered it before sending. A warning is shown at {@link #WARN}; at {@link #COMMERCIAL} an offer
 * must be marked commercial (the seed's consultant whose free workshops hid a sales agenda).
 */
public final class AuthenticityGuard {

    public static final double WARN = 1.0;
    public static final double COMMERCIAL = 2.5;

    public enum Level {
        OK,
        WARN,
        COMMERCIAL
    }

    /** The verdict: the score, the level it reaches, and the exact phrases that raised it. */
    public record Assessment(double score, Level level, List<String> triggers) {
        public boolean warns() {
            return level != Level.OK;
        }
    }

    private record Signal(Pattern pattern, double weight) {}

    private static final List<Signal> SIGNALS = List.of(
            // urgency and pressure
            signal("\\b(act|buy|order|call|sign up|register|book|join) (now|today)\\b", 1.2),
            signal("\\blimited[- ]time\\b", 1.2),
            signal("\\b(only|just) \\d+ (spots?|seats?|places?|slots?) (left|remaining)\\b", 1.5),
            signal("\\blimited (spots|seats|places|slots|availability)\\b", 1.2),
            signal("\\bdon'?t miss (out|this)\\b", 1.0),
            signal("\\b(last|final) chance\\b", 1.2),
            signal("\\b(offer|deal|discount) (ends|expires)\\b", 1.2),
            signal("\\bbefore it'?s too late\\b", 1.0),
            // selling
            signal("\\b(special|exclusive|introductory) (offer|deal|price|discount)\\b", 1.2),
            signal("\\b\\d{1,2} ?% (off|discount)\\b", 1.2),
            signal("\\bdiscount code\\b", 1.2),
            signal("\\b(book|schedule|hop on|jump on) a (quick |free |short )?(call|demo|meeting)\\b", 1.0),
            signal("\\bfree (consultation|strategy session|audit|trial|webinar|masterclass)\\b", 1.0),
            signal("\\b(my|our) (premium|paid|coaching|consulting) (program|programme|services?|package)\\b", 1.3),
            signal("\\b(our|my) (services|solutions?|agency|products?)\\b", 0.6),
            signal("\\b(pricing|packages start at|per month|/month|a month subscription)\\b", 0.8),
            signal("\\b(buy|purchase|subscribe to|enroll in|enrol in) (my|our)\\b", 1.3),
            signal("\\bcheck out my (course|program|offer|ebook|product)\\b", 1.2),
            signal("\\b(money[- ]back|risk[- ]free|no[- ]risk)\\b", 1.2),
            signal("\\bguarantee(d)? (results|growth|leads|roi)\\b", 1.4),
            // hype
            signal("\\b\\d+x (your|revenue|sales|growth|income|leads)\\b", 1.4),
            signal("\\b(skyrocket|supercharge|explode|10x) (your )?\\w*", 1.0),
            signal("\\b(boost|double|triple|increase) your (sales|revenue|income|leads|profits?)\\b", 1.0),
            signal("\\b(passive income|financial freedom|make money fast)\\b", 1.4),
            signal("\\b(lead generation|sales funnel|conversion rate)\\b", 0.5),
            signal("\\b(unlock|claim) (your|my|the) (free|exclusive|secret)\\b", 1.2),
            signal("\\b(dm|message|email) me (now|today|for (details|pricing|the link))\\b", 1.0),
            signal("\\bclick (the|this|my) link\\b", 1.0),
            signal("\\bunlock my premium\\b", 1.2),
            signal("\\bwill (10x|double|triple) your\\b", 1.4));

    private static final Pattern SHOUTING = Pattern.compile("\\b[A-Z]{4,}\\b");
    private static final Pattern EXCLAMATIONS = Pattern.compile("!{2,}|(![^!]*){3,}");
    private static final Pattern MONEY = Pattern.compile("[$€£]\\s?\\d|\\d\\s?(usd|eur|gbp|dollars|euros)\\b",
            Pattern.CASE_INSENSITIVE);

    private AuthenticityGuard() {
    }

    private static Signal signal(String regex, double weight) {
        return new Signal(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), weight);
    }

    public static Assessment assess(String text) {
        if (text == null || text.isBlank()) {
            return new Assessment(0, Level.OK, List.of());
        }
        String normalized = text.replace('’', '\'');
        double score = 0;
        Set<String> triggers = new LinkedHashSet<>();
        for (Signal s : SIGNALS) {
            Matcher m = s.pattern().matcher(normalized);
            if (m.find()) {
                score += s.weight();
                triggers.add(m.group().strip());
            }
        }
        List<String> shouted = new ArrayList<>();
        Matcher caps = SHOUTING.matcher(normalized);
        while (caps.find()) {
            if (!ACRONYMS.contains(caps.group())) {
                shouted.add(caps.group());
            }
        }
        if (shouted.size() >= 2) {
            score += 0.6;
            triggers.add(String.join(" ", shouted.subList(0, Math.min(3, shouted.size()))));
        }
        Matcher bangs = EXCLAMATIONS.matcher(normalized);
        if (bangs.find()) {
            score += 0.4;
            triggers.add("!!!");
        }
        Matcher money = MONEY.matcher(normalized);
        if (money.find() && score > 0) {
            // a price alone is information; a price with pressure is a pitch
            score += 0.6;
            triggers.add(money.group().strip());
        }
        double rounded = Math.round(score * 10) / 10.0;
        Level level = rounded >= COMMERCIAL ? Level.COMMERCIAL : rounded >= WARN ? Level.WARN : Level.OK;
        return new Assessment(rounded, level, List.copyOf(triggers));
    }

    private static final Set<String> ACRONYMS = Set.of("HTML", "JSON", "HTTP", "AWS", "GCP", "NASA", "UNICEF",
            "MBA", "CEO", "CFO", "CTO", "COO", "SaaS".toUpperCase(Locale.ROOT), "GDPR", "UX", "API", "SQL", "JAVA",
            "LGBTQ", "STEM", "OKRS", "KPIS", "IPO", "NYC", "ASAP");
}
