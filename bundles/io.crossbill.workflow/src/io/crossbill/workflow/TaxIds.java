package io.crossbill.workflow;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tax id formats per country, checked before a customer is created in the ERP: GB VAT (GB + 9 digits),
 * US EIN (12-3456789), NZ IRD (8 or 9 digits, 123-456-789), AU ABN (11 digits), DE USt-IdNr (DE + 9
 * digits), JP corporate number (T + 13 digits for a qualified invoice issuer, or 13 digits).
 */
final class TaxIds {
    private TaxIds() {
    }

    private static Pattern pattern(String country) {
        return switch (country) {
            case "GB" -> Pattern.compile("(GB)?\\d{9}");
            case "US" -> Pattern.compile("\\d{2}-?\\d{7}");
            case "NZ" -> Pattern.compile("\\d{2,3}-?\\d{3}-?\\d{3}");
            case "AU" -> Pattern.compile("\\d{2} ?\\d{3} ?\\d{3} ?\\d{3}");
            case "DE" -> Pattern.compile("DE\\d{9}");
            case "JP" -> Pattern.compile("T?\\d{13}");
            default -> null;
        };
    }

    /** Why the tax id is not valid for the country, or empty when it is (or the country has no rule). */
    static Optional<String> problem(String country, String taxId) {
        if (taxId == null || taxId.isBlank()) {
            return Optional.of("The customer has no tax id; one is required to create a customer in the ERP.");
        }
        String c = country == null ? "" : country.toUpperCase(Locale.ROOT);
        Pattern p = pattern(c);
        if (p == null || p.matcher(taxId.trim().toUpperCase(Locale.ROOT)).matches()) {
            return Optional.empty();
        }
        return Optional.of("Tax id '" + taxId + "' is not a valid " + c + " tax id (" + example(c) + ").");
    }

    private static String example(String country) {
        return switch (country) {
            case "GB" -> "GB VAT numbers are GB and 9 digits, e.g. GB123456789";
            case "US" -> "an EIN is 9 digits, e.g. 12-3456789";
            case "NZ" -> "an IRD number is 8 or 9 digits, e.g. 123-456-789";
            case "AU" -> "an ABN is 11 digits, e.g. 51 824 753 556";
            case "DE" -> "a USt-IdNr is DE and 9 digits, e.g. DE123456789";
            case "JP" -> "a corporate number is 13 digits, with T for a registered invoice issuer";
            default -> "";
        };
    }

    /** The tax id reduced to letters and digits, for matching across systems. */
    static String normalise(String taxId) {
        return taxId == null ? "" : taxId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
