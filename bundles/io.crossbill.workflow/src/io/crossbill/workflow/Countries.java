package io.crossbill.workflow;

import java.util.Locale;

/** Country names as CRMs and ERPs hold them, to ISO codes. */
final class Countries {
    private Countries() {
    }

    static String code(String country) {
        String c = country == null ? "" : country.trim();
        return switch (c.toLowerCase(Locale.ROOT)) {
            case "united kingdom", "uk", "gb", "great britain", "england" -> "GB";
            case "united states", "usa", "us", "united states of america" -> "US";
            case "new zealand", "nz" -> "NZ";
            case "australia", "au" -> "AU";
            case "germany", "deutschland", "de" -> "DE";
            case "japan", "jp", "日本" -> "JP";
            case "switzerland", "ch", "schweiz" -> "CH";
            case "norway", "no", "norge" -> "NO";
            default -> c.length() == 2 ? c.toUpperCase(Locale.ROOT) : c;
        };
    }
}
