package io.crossbill.credentials;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it is logged, shown or exported: every occurrence of a known secret
 * value, and whatever stands where secrets usually stand: {@code Bearer <token>}, {@code Basic <credentials>},
 * JSON members such as {@code "access_token":"..."} and form or query parameters such as
 * {@code client_secret=...}. What is taken out becomes {@link #MASK}.
 */
public final class Redactor {
    /** What a redacted value is replaced with. */
    public static final String MASK = "****";
    /** Known secrets shorter than this are not searched for (they would blank out ordinary text). */
    public static final int MIN_SECRET_LENGTH = 4;

    private static final String NAMES = "access_token|refresh_token|id_token|client_secret|password|passwd|api_key|"
            + "apikey|hapikey|private_key|secret|token";
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)\\b(Bearer|Basic)(\\s+)[A-Za-z0-9\\-._~+/]{8,}=*");
    private static final Pattern JSON_MEMBER = Pattern.compile(
            "(?i)(\"(?:" + NAMES + ")\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern PARAMETER = Pattern.compile("(?i)(?<![A-Za-z0-9_])((?:" + NAMES + ")=)[^&\\s\"',;]+");

    private Redactor() {
    }

    /** Masks every occurrence of each secret (of at least {@link #MIN_SECRET_LENGTH} characters), then the patterns. */
    public static String redact(String text, Collection<char[]> secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        List<String> values = new ArrayList<>();
        for (char[] s : secrets) {
            if (s != null && s.length >= MIN_SECRET_LENGTH) {
                values.add(new String(s));
            }
        }
        // longest first, so a secret that contains another is masked whole
        values.sort((a, b) -> Integer.compare(b.length(), a.length()));
        for (String v : values) {
            out = out.replace(v, MASK);
        }
        return redactPatterns(out);
    }

    /** Masks the values of {@code Bearer}/{@code Basic} headers, secret JSON members and secret parameters. */
    public static String redactPatterns(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = AUTH_SCHEME.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = JSON_MEMBER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
        return PARAMETER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }
}
