package org.reciprocity.ledger;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reciprocity.core.ledger.ExchangeKind;

/**
 * A chain of favors drawn as a ring for the ledger page: the people on a circle, the member at the top, and an
 * arrow for each favor from giver to receiver, bent a little to its left so that the two favors of a pair do not
 * overlap. Coordinates are in a {@value #WIDTH} × {@value #HEIGHT} view box; the page scales it.
 */
public record ChainPicture(List<Node> nodes, List<Arrow> arrows, String description, List<String> steps) {

    static final int WIDTH = 440;
    static final int HEIGHT = 280;
    private static final double RADIUS = 92;
    private static final double NODE = 22;
    private static final double BEND = 22;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** A person at (x, y); their name at (labelX, labelY), anchored "start", "middle" or "end". */
    public record Node(double x, double y, String initials, String name, double labelX, double labelY, String anchor) {}

    /**
     * A favor: a quadratic curve from (x1, y1) through control (cx, cy) to (x2, y2), its kind and day written
     * on two lines at (lx, ly), outside the ring.
     */
    public record Arrow(double x1, double y1, double cx, double cy, double x2, double y2, String kind, String day,
                        double lx, double ly, String anchor) {}

    static ChainPicture of(CircledBackChains.CircledBackChain chain, String memberId) {
        List<CircledBackChains.ChainFavor> favors = chain.favors();
        int k = favors.size();
        double centerX = WIDTH / 2.0;
        double centerY = HEIGHT / 2.0;
        List<Node> nodes = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            // two people side by side (the member on the left); more on a ring, the member at the top
            double angle = k == 2 ? Math.PI * (1 - i) : -Math.PI / 2 + 2 * Math.PI * i / k;
            double x = centerX + RADIUS * Math.cos(angle);
            double y = centerY + RADIUS * Math.sin(angle);
            CircledBackChains.ChainMember person = favors.get(i).from();
            String name = person.memberId().equals(memberId) ? "You" : person.displayName();
            double dx = x - centerX;
            boolean onAxis = Math.abs(dx) < 1;
            nodes.add(new Node(round(x), round(y), initials(name), name,
                    round(onAxis ? x : x + Math.signum(dx) * (NODE + 6)),
                    round(onAxis ? (y < centerY ? y - NODE - 8 : y + NODE + 16) : y + 5),
                    onAxis ? "middle" : dx < 0 ? "end" : "start"));
        }
        List<Arrow> arrows = new ArrayList<>(k);
        List<String> steps = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Node a = nodes.get(i);
            Node b = nodes.get((i + 1) % k);
            double dx = b.x() - a.x();
            double dy = b.y() - a.y();
            double length = Math.hypot(dx, dy);
            double ux = dx / length;
            double uy = dy / length;
            // bent to the left of the direction of travel (y grows downwards): outwards on a clockwise ring
            double nx = uy;
            double ny = -ux;
            double mx = (a.x() + b.x()) / 2 + nx * BEND;
            double my = (a.y() + b.y()) / 2 + ny * BEND;
            double lx = mx + nx * 12;
            double ly = my + ny * 12 + (ny > 0.5 ? 10 : ny < -0.5 ? -14 : -4);
            CircledBackChains.ChainFavor f = favors.get(i);
            String kind = ExchangeKind.valueOf(f.kind()).label();
            arrows.add(new Arrow(round(a.x() + ux * NODE), round(a.y() + uy * NODE), round(mx), round(my),
                    round(b.x() - ux * (NODE + 4)), round(b.y() - uy * (NODE + 4)), kind, SHORT_DAY.format(f.occurredOn()),
                    round(lx), round(ly), lx < centerX - 10 ? "end" : lx > centerX + 10 ? "start" : "middle"));
            String from = f.from().memberId().equals(memberId) ? "You" : f.from().displayName();
            String to = f.to().memberId().equals(memberId) ? "you" : f.to().displayName();
            steps.add(from + " helped " + to + " (" + kind + ", " + DAY.format(f.occurredOn()) + ")");
        }
        return new ChainPicture(nodes, arrows, String.join(", then ", steps) + ".", steps);
    }

    private static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!part.isEmpty() && initials.length() < 2) {
                initials.appendCodePoint(part.codePointAt(0));
            }
        }
        return initials.toString().toUpperCase(Locale.ROOT);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
