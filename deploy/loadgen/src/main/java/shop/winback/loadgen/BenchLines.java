package shop.winback.loadgen;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The machine-readable BENCH lines (the DESIGN contract). Pure formatting, so it is unit tested. */
public final class BenchLines {

    private BenchLines() {}

    /** Outcome of the review → assigned scenario. */
    public record ReviewToAssigned(
            double rate,
            double negativeShare,
            long sent,
            long tickets,
            LatencySummary latency,
            LatencySummary floor,
            long lost,
            long duplicated) {}

    /**
     * Outcome of the ingest (POST /api/v1/reviews) side of the same run.
     *
     * @param errors reviews that failed (not accepted, not shed)
     * @param shed   reviews answered 503 or 429 (load shedding)
     */
    public record Ingest(double reviewsPerSecond, LatencySummary http, long errors, long shed) {}

    /**
     * Outcome of the batch-ingest (POST /api/v1/reviews:batch, --batch) side of a run; latency per HTTP request,
     * errors and shed counted in reviews.
     */
    public record IngestBatch(int batchSize, double reviewsPerSecond, LatencySummary http, long errors, long shed) {}

    public static String reviewToAssigned(ReviewToAssigned r) {
        return "BENCH review_to_assigned rate=" + number(r.rate()) + "/s negative=" + percent(r.negativeShare())
                + " sent=" + r.sent() + " tickets=" + r.tickets()
                + " p50_ms=" + r.latency().p50Ms() + " p99_ms=" + r.latency().p99Ms() + " max_ms="
                + r.latency().maxMs()
                + " floor_p99_ms=" + r.floor().p99Ms() + " ratio_p99=" + ratio(r.latency(), r.floor())
                + " lost=" + r.lost() + " duplicated=" + r.duplicated();
    }

    public static String ingest(Ingest i) {
        return "BENCH ingest reviews_per_s=" + String.format(Locale.ROOT, "%.1f", i.reviewsPerSecond()) + " p99_ms="
                + i.http().p99Ms() + " errors=" + i.errors() + " shed=" + i.shed();
    }

    public static String ingestBatch(IngestBatch b) {
        return "BENCH ingest_batch batch=" + b.batchSize()
                + " reviews_per_s=" + String.format(Locale.ROOT, "%.1f", b.reviewsPerSecond())
                + " p50_ms=" + b.http().p50Ms() + " p99_ms=" + b.http().p99Ms() + " errors=" + b.errors()
                + " shed=" + b.shed();
    }

    /**
     * CPU of each process over a run's measured window (null: no figure, printed n/a), and what the window accepted.
     *
     * @param rate the requested send rate
     * @param accepted reviews answered 2xx in the window (the divisor of every "per review" figure)
     * @param tickets measured reviews whose ticket.assigned.v1 arrived (the divisor of ticket-service's figure)
     */
    public record Cost(
            double rate,
            Double reviewCpuMs,
            Double ticketCpuMs,
            Double postgresCpuMs,
            Double kafkaCpuMs,
            Double loadgenCpuMs,
            Double compensationCpuMs,
            Double logisticsCpuMs,
            double windowSeconds,
            long accepted,
            long tickets) {}

    /**
     * What the JVMs' JIT compilers took of their CPU in the window of {@link Cost}: per JVM, compiler CPU and the
     * JVM's whole CPU in ms (null: no figure, printed n/a). On a freshly started stack this is the part of the cost
     * that a warm stack does not pay.
     */
    public record Jit(Map<String, Double> compilerMs, Map<String, Double> cpuMs, double windowSeconds, long accepted) {}

    /**
     * Resident memory at the end of a run and start-to-ready times (null: not measured, printed n/a).
     *
     * @param rssMb by service: review, ticket, compensation, logistics, bare
     * @param startSeconds by service, each started alone: review, ticket, compensation, logistics, bare
     */
    public record Footprint(java.util.Map<String, Double> rssMb, java.util.Map<String, Double> startSeconds) {}

    /** The four services of the footprint line, in its order. */
    public static final java.util.List<String> SERVICES =
            java.util.List.of("review", "ticket", "compensation", "logistics");

    /**
     * A backlog worked off by a freshly started ticket-service.
     *
     * @param seconds from the process start to the last ticket.assigned.v1 (null if none arrived)
     */
    public record BacklogResult(
            long expected,
            long tickets,
            Double seconds,
            Double readySeconds,
            Double firstSeconds,
            long duplicated,
            long doubleAssigned) {}

    /** The review → assigned p99 on a shop with a history, against the same run on the fresh shop. */
    public record History(
            long reviews,
            long openTickets,
            LatencySummary withHistory,
            LatencySummary fresh,
            double loadSeconds,
            long lost) {}

    /**
     * GET /api/v1/recovery-economics of the history shop over a month and a year (by shop, agent and product), against
     * the same calls on the fresh shop before its history was loaded.
     *
     * @param historyRows economics_day rows the history loaded
     * @param calls calls per period and side (every breakdown together)
     * @param errors calls that failed or did not answer 200, of both sides
     */
    public record EconomicsQuery(
            long historyReviews,
            long historyRows,
            int calls,
            LatencySummary month,
            LatencySummary year,
            LatencySummary freshMonth,
            LatencySummary freshYear,
            long errors) {}

    /** Tickets per second at saturation with one and with N ticket-service instances. */
    public record Scale(
            int instances,
            int shops,
            Double ticketsPerSecond,
            Double singleInstanceTicketsPerSecond,
            long doubleAssigned,
            long overCapacity,
            long tickets,
            long expected) {}

    public static String cost(Cost c) {
        return "BENCH cost rate=" + number(c.rate()) + "/s"
                + " review_cpu_ms_per_review=" + perUnit(c.reviewCpuMs(), c.accepted())
                + " ticket_cpu_ms_per_ticket=" + perUnit(c.ticketCpuMs(), c.tickets())
                + " postgres_cpu_ms_per_review=" + perUnit(c.postgresCpuMs(), c.accepted())
                + " kafka_cpu_ms_per_review=" + perUnit(c.kafkaCpuMs(), c.accepted())
                + " loadgen_cpu_ms_per_review=" + perUnit(c.loadgenCpuMs(), c.accepted())
                // compensation-service reads every review too (its order facts); logistics-service's share is idle cost
                + " compensation_cpu_ms_per_review=" + perUnit(c.compensationCpuMs(), c.accepted())
                + " logistics_cpu_ms_per_review=" + perUnit(c.logisticsCpuMs(), c.accepted())
                + " window_s=" + fixed(c.windowSeconds(), 1)
                + " accepted=" + c.accepted() + " tickets=" + c.tickets();
    }

    /** The JVMs of {@link #jit}, in the order of the line. */
    static final List<String> JVMS = List.of("review", "ticket", "compensation", "logistics", "kafka", "loadgen");

    public static String jit(Jit j) {
        StringBuilder sb = new StringBuilder("BENCH jit");
        double compiler = 0;
        for (String jvm : JVMS) {
            Double c = j.compilerMs().get(jvm);
            Double all = j.cpuMs().get(jvm);
            sb.append(' ')
                    .append(jvm)
                    .append("_jit_share=")
                    .append(orNa(c == null || all == null || all <= 0 ? null : c / all, 2));
            compiler += c == null ? 0 : c;
        }
        return sb.append(" jit_cpu_ms_per_review=")
                .append(perUnit(compiler, j.accepted()))
                .append(" window_s=")
                .append(fixed(j.windowSeconds(), 1))
                .toString();
    }

    public static String footprint(Footprint f) {
        StringBuilder sb = new StringBuilder("BENCH footprint");
        for (String s : SERVICES) {
            sb.append(' ').append(s).append("_rss_mb=").append(orNa(f.rssMb().get(s), 1));
        }
        Double slowest = null;
        for (String s : SERVICES) {
            Double t = f.startSeconds().get(s);
            if (t == null) {
                slowest = null;
                break;
            }
            slowest = slowest == null ? t : Math.max(slowest, t);
        }
        sb.append(" start_s=").append(orNa(slowest, 2));
        sb.append(" bare_start_s=").append(orNa(f.startSeconds().get("bare"), 2));
        for (String s : SERVICES) {
            sb.append(' ')
                    .append(s)
                    .append("_start_s=")
                    .append(orNa(f.startSeconds().get(s), 2));
        }
        sb.append(" bare_rss_mb=").append(orNa(f.rssMb().get("bare"), 1));
        return sb.toString();
    }

    public static String backlog(BacklogResult b) {
        Double perSecond = b.seconds() == null || b.seconds() <= 0 ? null : b.tickets() / b.seconds();
        return "BENCH backlog tickets=" + b.tickets() + " seconds=" + orNa(b.seconds(), 2) + " per_s="
                + orNa(perSecond, 1)
                + " ready_s=" + orNa(b.readySeconds(), 2) + " first_s=" + orNa(b.firstSeconds(), 2)
                + " expected=" + b.expected() + " duplicated=" + b.duplicated() + " double_assigned="
                + b.doubleAssigned();
    }

    public static String history(History h) {
        return "BENCH history reviews=" + h.reviews() + " open_tickets=" + h.openTickets()
                + " p99_ms=" + h.withHistory().p99Ms() + " fresh_p99_ms="
                + h.fresh().p99Ms()
                + " ratio=" + ratio(h.withHistory(), h.fresh())
                + " p50_ms=" + h.withHistory().p50Ms() + " fresh_p50_ms="
                + h.fresh().p50Ms()
                + " load_s=" + fixed(h.loadSeconds(), 1) + " lost=" + h.lost();
    }

    public static String economicsQuery(EconomicsQuery e) {
        return "BENCH economics_query history_reviews=" + e.historyReviews() + " history_rows=" + e.historyRows()
                + " calls=" + e.calls()
                + " month_p50_ms=" + e.month().p50Ms() + " month_p99_ms="
                + e.month().p99Ms()
                + " year_p50_ms=" + e.year().p50Ms() + " year_p99_ms="
                + e.year().p99Ms()
                + " fresh_month_p99_ms=" + e.freshMonth().p99Ms() + " fresh_year_p99_ms="
                + e.freshYear().p99Ms()
                + " ratio_p99=" + ratio(e.year(), e.freshYear()) + " errors=" + e.errors();
    }

    public static String scale(Scale s) {
        Double speedup = s.ticketsPerSecond() == null
                        || s.singleInstanceTicketsPerSecond() == null
                        || s.singleInstanceTicketsPerSecond() <= 0
                ? null
                : s.ticketsPerSecond() / s.singleInstanceTicketsPerSecond();
        return "BENCH scale instances=" + s.instances() + " shops=" + s.shops()
                + " tickets_per_s=" + orNa(s.ticketsPerSecond(), 1)
                + " single_instance_tickets_per_s=" + orNa(s.singleInstanceTicketsPerSecond(), 1)
                + " speedup=" + orNa(speedup, 2)
                + " double_assigned=" + s.doubleAssigned() + " over_capacity=" + s.overCapacity()
                + " tickets=" + s.tickets() + " expected=" + s.expected();
    }

    /** value / count with three decimals; n/a without a value or with nothing to divide by. */
    static String perUnit(Double value, long count) {
        if (value == null || count <= 0) {
            return "n/a";
        }
        return fixed(value / count, 3);
    }

    static String orNa(Double value, int decimals) {
        return value == null || value.isNaN() || value.isInfinite() ? "n/a" : fixed(value, decimals);
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** p99 / floor p99 with two decimals; n/a when either side has no samples. */
    static String ratio(LatencySummary latency, LatencySummary floor) {
        if (latency.isEmpty() || floor.isEmpty() || floor.p99Nanos() <= 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f", (double) latency.p99Nanos() / floor.p99Nanos());
    }

    /** 1000 → "1000", 12.5 → "12.5". */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return stripZeros(String.format(Locale.ROOT, "%.3f", value));
    }

    /** 0.1 → "10%", 0.125 → "12.5%". */
    static String percent(double share) {
        return stripZeros(String.format(Locale.ROOT, "%.2f", share * 100)) + "%";
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
