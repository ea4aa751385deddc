package io.crossbill.workflow.review;

import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationJson;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.store.ReviewRecords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * The fingerprint of what an analyst signs off: a SHA-256 over the breaks of a scope (the period, one
 * customer or one project) as the review shows them - id, type, keys, amounts to the cent, hours, field
 * values. A later reconciliation with another hash has changed since the sign-off.
 */
public final class ReviewHash {
    private ReviewHash() {
    }

    /** The hash of the breaks of one scope; for {@code PERIOD} the key is ignored. */
    public static String of(ReconciliationResult r, ReviewRecords.Scope scope, String key) {
        List<String> lines = new ArrayList<>();
        for (ReconciliationBreak b : r.breaks()) {
            if (inScope(b, scope, key)) {
                lines.add(String.join("|", b.id(), b.type().name(), s(b.projectId()), s(b.customerId()),
                        s(b.currency()), s(ReconciliationJson.cents(b.expected())),
                        s(ReconciliationJson.cents(b.actual())), s(ReconciliationJson.cents(b.variance())),
                        s(ReconciliationJson.cents(b.hours())), s(b.field()), String.valueOf(new TreeMap<>(b.values())),
                        String.valueOf(b.entryIds().size()), String.valueOf(b.lineRefs().size())));
            }
        }
        lines.sort(null);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((r.period().key() + "\n").getBytes(StandardCharsets.UTF_8));
            for (String l : lines) {
                md.update((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether a break belongs to a scope. */
    public static boolean inScope(ReconciliationBreak b, ReviewRecords.Scope scope, String key) {
        return switch (scope) {
            case PERIOD -> true;
            case ENTITY -> key.equals(b.customerId());
            case PROJECT -> key.equals(b.projectId());
        };
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }
}
