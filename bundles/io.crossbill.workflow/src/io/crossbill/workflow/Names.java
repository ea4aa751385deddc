package io.crossbill.workflow;

import java.text.Normalizer;
import java.util.Locale;

/** Company names compared the way a person would: "Harwell & Finch LLP" is "Harwell and Finch LLP". */
final class Names {
    private Names() {
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("&", " and ");
        n = n.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        n = n.replaceAll("\\b(ltd|limited|llp|llc|inc|plc|pty|gmbh|ag|co|corp|the)\\b", " ");
        return n.replaceAll("\\s+", " ").trim();
    }

    /** Whether two names are likely the same company: equal after normalising, or one edit apart per 10 letters. */
    static boolean nearlySame(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        int allowed = Math.max(1, Math.min(x.length(), y.length()) / 10);
        return Math.abs(x.length() - y.length()) <= allowed && distance(x, y) <= allowed;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
