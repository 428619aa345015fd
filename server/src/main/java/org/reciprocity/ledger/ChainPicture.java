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

    static final int WIDTH = 360;
    static final int HEIGHT = 260;
    private static final double RADIUS = 88;
    private static final double NODE = 22;
    private static final double BEND = 22;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    public record Node(double x, double y, String initials, String name, double labelY) {}

    /** A quadratic curve from (x1, y1) through control (cx, cy) to (x2, y2), with its label at (lx, ly). */
    public record Arrow(double x1, double y1, double cx, double cy, double x2, double y2, String label, double lx, double ly) {}

    static ChainPicture of(CircledBackChains.CircledBackChain chain, String memberId) {
        List<CircledBackChains.ChainFavor> favors = chain.favors();
        int k = favors.size();
        double centerX = WIDTH / 2.0;
        double centerY = HEIGHT / 2.0;
        List<Node> nodes = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / k;
            double x = centerX + RADIUS * Math.cos(angle);
            double y = centerY + RADIUS * Math.sin(angle);
            CircledBackChains.ChainMember person = favors.get(i).from();
            String name = person.memberId().equals(memberId) ? "You" : person.displayName();
            nodes.add(new Node(round(x), round(y), initials(name), name, round(y < centerY - 1 ? y - NODE - 8 : y + NODE + 16)));
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
            // the left of the direction of travel, in screen coordinates (y grows downwards)
            double nx = uy;
            double ny = -ux;
            double mx = (a.x() + b.x()) / 2 + nx * BEND;
            double my = (a.y() + b.y()) / 2 + ny * BEND;
            CircledBackChains.ChainFavor f = favors.get(i);
            String label = ExchangeKind.valueOf(f.kind()).label() + ", " + DAY.format(f.occurredOn());
            arrows.add(new Arrow(round(a.x() + ux * NODE), round(a.y() + uy * NODE), round(mx), round(my),
                    round(b.x() - ux * (NODE + 4)), round(b.y() - uy * (NODE + 4)), label,
                    round(mx + nx * 10), round(my + ny * 10 + 4)));
            String from = f.from().memberId().equals(memberId) ? "You" : f.from().displayName();
            String to = f.to().memberId().equals(memberId) ? "you" : f.to().displayName();
            steps.add(from + " helped " + to + " (" + label + ")");
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
