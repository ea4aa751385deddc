package io.crossbill.reconcile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * When a difference between what was delivered and what was billed is only rounding. A variance is within
 * tolerance when its size is at most the absolute amount for its currency, or at most
 * {@code relativePercent} of the expected amount (when that is above zero).
 *
 * @param defaultAbsolute    the absolute tolerance for currencies without their own (default 0.005: half a cent,
 *                           a difference that disappears when both sides are rounded to cents)
 * @param absoluteByCurrency absolute tolerance per ISO currency code, e.g. {@code JPY -> 0.5}
 * @param relativePercent    relative tolerance in percent of the expected amount, 0 for none (default)
 * @param hoursScale         decimals each entry's hours are rounded to (HALF_UP) before they are multiplied by the
 *                           rate, as some ERPs do; null for exact minutes / 60 (default)
 * @param hoursTolerance     how far a line's quantity may be from the entries' hours for a suggested match on
 *                           hours (default 0.005 h)
 */
public record ToleranceRules(BigDecimal defaultAbsolute, Map<String, BigDecimal> absoluteByCurrency,
        BigDecimal relativePercent, Integer hoursScale, BigDecimal hoursTolerance) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ToleranceRules {
        defaultAbsolute = nonNegative(defaultAbsolute == null ? new BigDecimal("0.005") : defaultAbsolute,
                "the default absolute tolerance");
        absoluteByCurrency = absoluteByCurrency == null ? Map.of() : Map.copyOf(new TreeMap<>(absoluteByCurrency));
        absoluteByCurrency.forEach((c, v) -> nonNegative(v, "the absolute tolerance for " + c));
        relativePercent = nonNegative(relativePercent == null ? BigDecimal.ZERO : relativePercent,
                "the relative tolerance");
        if (hoursScale != null && (hoursScale < 0 || hoursScale > 4)) {
            throw new IllegalArgumentException("Hours can be rounded to 0 to 4 decimals, not " + hoursScale + ".");
        }
        hoursTolerance = nonNegative(hoursTolerance == null ? new BigDecimal("0.005") : hoursTolerance,
                "the hours tolerance");
    }

    /** Half a cent in every currency, no relative tolerance, exact hours. */
    public static ToleranceRules defaults() {
        return new ToleranceRules(null, null, null, null, null);
    }

    /** These rules with an absolute tolerance for one currency. */
    public ToleranceRules withAbsolute(String currency, BigDecimal amount) {
        Map<String, BigDecimal> m = new TreeMap<>(absoluteByCurrency);
        m.put(currency, amount);
        return new ToleranceRules(defaultAbsolute, m, relativePercent, hoursScale, hoursTolerance);
    }

    /** These rules with a default absolute tolerance. */
    public ToleranceRules withDefaultAbsolute(BigDecimal amount) {
        return new ToleranceRules(amount, absoluteByCurrency, relativePercent, hoursScale, hoursTolerance);
    }

    /** These rules with a relative tolerance in percent. */
    public ToleranceRules withRelativePercent(BigDecimal percent) {
        return new ToleranceRules(defaultAbsolute, absoluteByCurrency, percent, hoursScale, hoursTolerance);
    }

    /** These rules with hours rounded to {@code scale} decimals per entry (null for exact). */
    public ToleranceRules withHoursScale(Integer scale) {
        return new ToleranceRules(defaultAbsolute, absoluteByCurrency, relativePercent, scale, hoursTolerance);
    }

    /** The absolute tolerance for a currency. */
    public BigDecimal absolute(String currency) {
        return absoluteByCurrency.getOrDefault(currency, defaultAbsolute);
    }

    /** Whether {@code actual - expected} is within tolerance in {@code currency}. */
    public boolean within(String currency, BigDecimal expected, BigDecimal actual) {
        BigDecimal v = actual.subtract(expected).abs();
        if (v.compareTo(absolute(currency)) <= 0) {
            return true;
        }
        return relativePercent.signum() > 0
                && v.multiply(HUNDRED).compareTo(expected.abs().multiply(relativePercent)) <= 0;
    }

    /** The rule in words, for a break in {@code currency}. */
    public String describe(String currency) {
        String s = "|variance| <= " + absolute(currency).toPlainString() + " " + currency;
        if (relativePercent.signum() > 0) {
            s += " or <= " + relativePercent.round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString()
                    + "% of expected";
        }
        return s + (hoursScale == null ? "" : ", hours rounded to " + hoursScale + " decimals per entry");
    }

    private static BigDecimal nonNegative(BigDecimal v, String what) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException("The tolerance rules have a negative value for " + what + " ("
                    + v.toPlainString() + "); tolerances are 0 or more.");
        }
        return v;
    }
}
