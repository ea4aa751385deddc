package io.crossbill.store;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How fast the exception queue screen's queries answer on a big queue: opens a workspace, seeds it with
 * {@link ExceptionSeeder} when it holds no exceptions, then times the first page (count and page 0,
 * answered by H2 while the browser's in-memory index loads in the background), how much longer the index
 * takes, every filter, every sort, a page deep down the list, the root-cause grouping and the filter choices,
 * each three times (the first run on a cold cache, then the best of the other two), and prints the figures.
 * <p>
 * {@code java ... io.crossbill.store.ExceptionQueueBenchmark <workspace> [N]} (N defaults to 1,000,000).
 */
public final class ExceptionQueueBenchmark {

    /** Rows of a page, as the table asks for them. */
    public static final int PAGE = 100;

    private ExceptionQueueBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("Usage: ExceptionQueueBenchmark <workspace folder> [number of exceptions, default"
                    + " 1000000]");
            System.exit(2);
        }
        long n = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : 1_000_000;
        run(Path.of(args[0]), n, System.out);
    }

    /** Opens (seeding if empty) and measures; prints one line per figure. */
    public static void run(Path workspace, long n, PrintStream out) {
        long t0 = System.nanoTime();
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            out.printf(Locale.ROOT, "open database: %d ms%n", ms(t0));
            ExceptionBrowser browser = new ExceptionBrowser(db);
            long existing = browser.count(ExceptionBrowser.Filter.all());
            if (existing == 0) {
                long s = System.nanoTime();
                new ExceptionSeeder(db).seed(n, 42, Instant.now());
                out.printf(Locale.ROOT, "seeded %,d exceptions: %d ms%n", n, ms(s));
            } else {
                out.printf(Locale.ROOT, "workspace holds %,d exceptions (not seeded again)%n", existing);
            }
            ExceptionBrowser.Filter open = ExceptionBrowser.Filter.unresolved();
            ExceptionBrowser.Sort newest = ExceptionBrowser.Sort.newestFirst();
            out.println("figure                                        cold ms   warm ms   result");
            // what the screen shows first: the newest page, then the count (ExceptionQueueView asks in that order)
            time(out, "first page of rows (page 0), unresolved", () -> browser.page(open, newest, 0, PAGE).size()
                    + " shown");
            time(out, "count, unresolved", () -> browser.count(open) + " rows");
            time(out, "first page (count + page 0), unresolved", () -> browser.count(open) + " rows, "
                    + browser.page(open, newest, 0, PAGE).size() + " shown");
            time(out, "first page, everything", () -> browser.count(ExceptionBrowser.Filter.all()) + " rows, "
                    + browser.page(ExceptionBrowser.Filter.all(), newest, 0, PAGE).size() + " shown");
            // the first pages above came from H2 while the in-memory index loads in the background
            long w = System.nanoTime();
            browser.indexReady().join();
            out.printf(Locale.ROOT, "in-memory index ready %d ms later (loaded in the background, %s)%n", ms(w),
                    "business-key order included");
            filter(out, browser, "filter workflow = time-to-billing", open.withWorkflow("time-to-billing"));
            filter(out, browser, "filter workflow = customer-master-sync", open.withWorkflow("customer-master-sync"));
            filter(out, browser, "filter class = REFERENCE", open.withClass(ExceptionClass.REFERENCE));
            filter(out, browser, "filter class = AUTH", open.withClass(ExceptionClass.AUTH));
            filter(out, browser, "filter system = hubspot", open.withSystem("hubspot"));
            filter(out, browser, "filter state = DEAD", open.withStates(EnumSet.of(ExceptionState.DEAD)));
            filter(out, browser, "filter age = last 7 days", open.withAge(ExceptionBrowser.Age.LAST_WEEK));
            filter(out, browser, "filter age = older than 60 days", open.withAge(ExceptionBrowser.Age.OLDER_THAN_60_DAYS));
            filter(out, browser, "filter assignee = chen.li", open.withAssignee("chen.li"));
            filter(out, browser, "filter assignee = (unassigned)", open.withAssignee(ExceptionBrowser.UNASSIGNED));
            filter(out, browser, "filter text = 'TE-4242' (business key)", open.withText("TE-4242"));
            filter(out, browser, "filter text = 'closed' (message)", open.withText("closed"));
            filter(out, browser, "filter workflow + class + system", open.withWorkflow("time-to-billing")
                    .withClass(ExceptionClass.VALIDATION).withSystem("xero-projects"));
            for (ExceptionBrowser.SortColumn c : ExceptionBrowser.SortColumn.values()) {
                for (boolean asc : new boolean[] {true, false}) {
                    ExceptionBrowser.Sort sort = new ExceptionBrowser.Sort(c, asc);
                    time(out, "sort " + c.name().toLowerCase(Locale.ROOT) + (asc ? " asc" : " desc") + ", page 0",
                            () -> browser.page(open, sort, 0, PAGE).size() + " shown");
                }
            }
            time(out, "page in the middle (unresolved, newest first)", () -> {
                long count = browser.count(open);
                return browser.page(open, newest, count / 2, PAGE).size() + " shown at " + count / 2;
            });
            time(out, "last page (unresolved, newest first)", () -> {
                long count = browser.count(open);
                return browser.page(open, newest, Math.max(0, count - PAGE), PAGE).size() + " shown";
            });
            time(out, "root causes, unresolved", () -> describe(browser.rootCauses(open, 50)));
            time(out, "root causes, time-to-billing", () -> describe(browser.rootCauses(
                    open.withWorkflow("time-to-billing"), 50)));
            time(out, "filter choices (workflows, systems, assignees)", () -> {
                ExceptionBrowser.FilterValues v = browser.filterValues();
                return v.workflows().size() + " workflows, " + v.systems().size() + " systems, "
                        + v.assignees().size() + " assignees";
            });
        }
    }

    private static void filter(PrintStream out, ExceptionBrowser browser, String label, ExceptionBrowser.Filter f) {
        time(out, label, () -> browser.count(f) + " rows, " + browser.page(f, ExceptionBrowser.Sort.newestFirst(), 0,
                PAGE).size() + " shown");
    }

    private static String describe(List<ExceptionBrowser.RootCause> causes) {
        long total = causes.stream().mapToLong(ExceptionBrowser.RootCause::count).sum();
        return causes.size() + " root causes over " + total + " rows";
    }

    private static void time(PrintStream out, String label, Supplier<String> work) {
        long s = System.nanoTime();
        String result = work.get();
        long cold = ms(s);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            s = System.nanoTime();
            work.get();
            best = Math.min(best, ms(s));
        }
        out.printf(Locale.ROOT, "%-45s %7d   %7d   %s%n", label, cold, best, result);
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
