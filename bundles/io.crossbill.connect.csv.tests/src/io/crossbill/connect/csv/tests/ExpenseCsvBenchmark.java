package io.crossbill.connect.csv.tests;

import io.crossbill.connect.csv.ExpenseCsvReader;
import io.crossbill.connect.csv.ExpenseCsvWriter;
import io.crossbill.connect.csv.ExpenseRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Prints how fast the expense reader takes in a file of N rows (default 100,000): a benchmark to run by
 * hand, not a test. {@code java ... ExpenseCsvBenchmark [rows]}.
 */
public final class ExpenseCsvBenchmark {
    private ExpenseCsvBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path file = Files.createTempFile("expenses-bench", ".csv");
        try {
            try (ExpenseCsvWriter w = ExpenseCsvWriter.create(file)) {
                for (int i = 0; i < n; i++) {
                    w.write(new ExpenseRow("EXP-" + i, LocalDate.of(2026, 11, 1 + i % 30),
                            "consultant" + (i % 40) + "@crossbill-demo.example", "Project " + (i % 200),
                            i % 2 == 0 ? "travel" : "meals", "Taxi, airport to \"client\" office " + i,
                            BigDecimal.valueOf(1000 + i % 50_000, 2), i % 3 == 0 ? "EUR" : "GBP",
                            BigDecimal.valueOf(100 + i % 5000, 2), i % 5 != 0, ExpenseRow.Status.APPROVED,
                            "https://receipts.example/r/" + i, 0));
                }
            }
            long bytes = Files.size(file);
            for (int round = 1; round <= 3; round++) {
                long t0 = System.nanoTime();
                long rows = 0;
                try (ExpenseCsvReader r = ExpenseCsvReader.open(file)) {
                    while (r.next() != null) {
                        rows++;
                    }
                    if (!r.errors().isEmpty()) {
                        throw new IllegalStateException(r.errors().get(0).message());
                    }
                }
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d: %,d rows (%,.1f MB) in %.3f s = %,.0f rows/s%n", round, rows,
                        bytes / 1e6, s, rows / s);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
