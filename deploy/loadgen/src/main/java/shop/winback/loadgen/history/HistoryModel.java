package shop.winback.loadgen.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A shop's history, as the services would have written it: every attribute of review i (and of its ticket, for a
 * negative one) is a pure function of the shop and i, so the loader streams each table in one pass without holding
 * the history in memory, and the review-service and ticket-service sides agree (same ids, same times).
 *
 * <p>The shape: {@code reviews} reviews over the last 365 days of the clock, 10 % neutral or bad (more if
 * {@code openTickets} needs more), split BAD/NEUTRAL 70/30, from buyers who come back now and then, about items of a
 * catalogue of {@value #SKUS} (SKU-0 … SKU-49, the items the bench posts about, among the most reviewed). Every
 * negative review has a ticket: the newest {@code openTickets} are open (ASSIGNED to history agents who are OFFLINE, so
 * they take no new work), the older ones CLOSED; 40 % of the closed ones were recovered — the buyer revised the review to
 * good. Open tickets past their first-contact or resolution deadline were escalated, as the SLA watch would have done.
 * Every second recovered ticket had a compensation approved; closed tickets about a damaged parcel had a claim filed
 * against the courier. {@link HistoryEconomics} counts all of it as ticket-service's recovery-economics ledger would.
 */
public final class HistoryModel {

    /** How far back the history goes. */
    public static final Duration SPAN = Duration.ofDays(365);
    /** The history ends this long before "now" (everything in it is settled). */
    static final Duration QUIET = Duration.ofHours(1);
    /** Inbox rows are kept this long by ticket-service (inbox.retention). */
    public static final Duration INBOX_RETENTION = Duration.ofDays(30);
    /** ticket-service's defaults: first contact 30 min, resolution 48 business hours (≈ 76.8 h of 15-hour days). */
    static final Duration FIRST_CONTACT = Duration.ofMinutes(30);

    static final Duration RESOLUTION = Duration.ofMinutes(48 * 60 * 24 / 15);
    static final int SKUS = 2000;
    static final double NEGATIVE_SHARE = 0.10;
    /** Open tickets per history agent, at most (agents = open / this, at least {@link #MIN_AGENTS}). */
    static final int TICKETS_PER_AGENT = 2000;

    static final int MIN_AGENTS = 10;
    static final long STAKE_PER_ITEM_FEN = 3000;
    static final long RANK = 10_000_000_000_000L;
    public static final String REVIEWS_CONSUMER = "ticket-service/reviews";
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

    public enum Rating {
        GOOD,
        NEUTRAL,
        BAD
    }

    /** A text the order system might send, with what review-service's classifier would find in it. */
    record Text(String text, List<Reason> reasons) {}

    record Reason(String reason, String evidence) {}

    static final String[][] PLACES = {
        {"辽宁", "沈阳"},
        {"浙江", "杭州"},
        {"广东", "深圳"},
        {"四川", "成都"},
        {"江苏", "南京"},
        {"湖北", "武汉"},
        {"北京", "北京"},
        {"上海", "上海"},
        {"山东", "青岛"},
        {"河南", "郑州"}
    };
    static final String[] TITLES = {
        "纯棉T恤 白色 L",
        "保温杯 500ml",
        "蓝牙耳机 黑色",
        "儿童雨靴 27码",
        "不锈钢炒锅 32cm",
        "羽绒服 藏青 XL",
        "袜子三双装",
        "双肩包 灰色",
        "陶瓷碗 四只装",
        "运动鞋 42码"
    };
    static final String[] CATEGORIES = {"服装", "家居", "数码", "母婴", "厨具", "鞋靴"};
    static final String[] GOOD_TEXTS = {"很好，物流很快", "质量不错，会回购", "五星好评", "和描述一致，满意", "包装很好，推荐"};
    static final Text[] BAD_TEXTS = {
        new Text("衣服有破洞，质量太差了", List.of(new Reason("QUALITY_DAMAGE", "破洞"))),
        new Text("快递太慢，包装也破了", List.of(new Reason("SLOW_SHIPPING", "快递太慢"), new Reason("PARCEL_DAMAGED", "包装也破"))),
        new Text("和图片完全不一样，要求退款", List.of(new Reason("NOT_AS_DESCRIBED", "和图片完全不一样"))),
        new Text("少发了一件，客服不理人", List.of(new Reason("MISSING_ITEM", "少发"), new Reason("SERVICE_ATTITUDE", "不理人"))),
        new Text("尺码偏小，穿不上", List.of(new Reason("SIZE_FIT", "尺码偏小")))
    };
    static final Text[] NEUTRAL_TEXTS = {
        new Text("一般般吧，颜色有点色差", List.of(new Reason("NOT_AS_DESCRIBED", "色差"))),
        new Text("还行，就是发货慢了点", List.of(new Reason("SLOW_SHIPPING", "发货慢"))),
        new Text("东西还可以，有点贵", List.of(new Reason("PRICE", "贵"))),
        new Text("中规中矩", List.of(new Reason("OTHER", "")))
    };
    static final String REVISED_TEXT = "商家主动联系解决了，改好评";

    /** review-service's fingerprint: the text without punctuation, spaces and symbols, lower case (BuyerSuspicion). */
    private static final Pattern NOT_WORDS = Pattern.compile("[\\p{P}\\p{Z}\\p{S}\\s]");

    private final String shop;
    private final long reviews;
    private final long negatives;
    private final long openTickets;
    private final int agents;
    private final Instant now;
    private final long seed;

    public HistoryModel(String shop, long reviews, long openTickets, Instant now) {
        if (openTickets > reviews) {
            throw new IllegalArgumentException("open tickets (" + openTickets + ") beyond reviews (" + reviews + ")");
        }
        this.shop = shop;
        this.reviews = reviews;
        this.negatives = Math.max(Math.round(reviews * NEGATIVE_SHARE), openTickets);
        this.openTickets = openTickets;
        this.agents = (int) Math.max(MIN_AGENTS, (openTickets + TICKETS_PER_AGENT - 1) / TICKETS_PER_AGENT);
        this.now = now;
        this.seed = mix(shop.hashCode() * 0x9E3779B97F4A7C15L ^ 0x5DEECE66DL);
    }

    public String shop() {
        return shop;
    }

    public long reviews() {
        return reviews;
    }

    public long negatives() {
        return negatives;
    }

    public long openTickets() {
        return openTickets;
    }

    public long closedTickets() {
        return negatives - openTickets;
    }

    public int agents() {
        return agents;
    }

    public Instant now() {
        return now;
    }

    // --- reviews ---------------------------------------------------------------------------------------------------

    /** Review i is negative when floor((i+1)·neg/n) steps up: exactly {@link #negatives} of them, spread evenly. */
    public boolean negative(long i) {
        return (i + 1) * negatives / reviews > i * negatives / reviews;
    }

    /** The rank of a negative review among the negatives, oldest first (0-based). */
    public long negativeRank(long i) {
        return i * negatives / reviews;
    }

    /** The newest {@link #openTickets} negative reviews have open tickets. */
    public boolean open(long i) {
        return negative(i) && negativeRank(i) >= negatives - openTickets;
    }

    /** Closed tickets, every 5th: recovered (40 %: ranks 0 and 1 of every 5), the buyer revised to good. */
    public boolean recovered(long i) {
        return negative(i) && !open(i) && negativeRank(i) % 5 < 2;
    }

    /** The rating the buyer first gave. */
    public Rating originalRating(long i) {
        if (!negative(i)) {
            return Rating.GOOD;
        }
        return negativeRank(i) % 10 < 7 ? Rating.BAD : Rating.NEUTRAL;
    }

    /** The rating the review row shows now (the latest state). */
    public Rating currentRating(long i) {
        return recovered(i) ? Rating.GOOD : originalRating(i);
    }

    public UUID reviewId(long i) {
        return uuid(1, i);
    }

    /** ce_id of the review.received.v1 of review i (what ticket-service's inbox holds). */
    public UUID receivedEventId(long i) {
        return uuid(2, i);
    }

    public String platformReviewId(long i) {
        return shop + "-h-R-" + pad(i);
    }

    public String orderId(long i) {
        return shop + "-h-O-" + pad(i);
    }

    public String orderLineId(long i) {
        return orderId(i) + "-1";
    }

    /** Buyers come back: about four reviews per buyer over the history. */
    public String buyerId(long i) {
        return "hb-" + Long.toString(bounded(3, i, Math.max(1, reviews / 4)), 36);
    }

    public String[] place(long i) {
        return PLACES[(int) bounded(4, i, PLACES.length)];
    }

    /** Items: a skewed catalogue, low numbers (the bench's SKU-0 … SKU-49 among them) reviewed most. */
    public int skuIndex(long i) {
        double u = unit(5, i);
        return (int) Math.min(SKUS - 1, Math.floor(SKUS * u * u * u));
    }

    public String sku(long i) {
        return "SKU-" + skuIndex(i);
    }

    public String itemTitle(long i) {
        return TITLES[skuIndex(i) % TITLES.length];
    }

    /** The shop's category of the item; none for a fifth of the catalogue (sent before categories were). */
    public String itemCategory(long i) {
        int sku = skuIndex(i);
        return sku % 5 == 4 ? null : CATEGORIES[sku % CATEGORIES.length];
    }

    public long orderAmountFen(long i) {
        return 1_900 + bounded(6, i, 480) * 100;
    }

    public int distinctItems(long i) {
        return 1 + (int) bounded(7, i, 3);
    }

    public boolean buyerVip(long i) {
        return bounded(8, i, 20) == 0;
    }

    /** When the buyer's account was opened, if the order system said (two thirds of the time). */
    public Instant buyerAccountCreatedAt(long i) {
        if (bounded(9, i, 3) == 0) {
            return null;
        }
        return createdAt(i).minus(Duration.ofDays(30 + bounded(10, i, 2000)));
    }

    /** DSR description, service, shipping. */
    public int[] dsr(long i) {
        return switch (originalRating(i)) {
            case BAD -> new int[] {1 + (int) bounded(11, i, 2), 2 + (int) bounded(12, i, 2), 3};
            case NEUTRAL -> new int[] {3, 3, 4};
            case GOOD -> bounded(13, i, 10) == 0 ? new int[] {4, 5, 5} : new int[] {5, 5, 5};
        };
    }

    /** The text the buyer first wrote. */
    public String originalText(long i) {
        return switch (originalRating(i)) {
            case BAD -> BAD_TEXTS[(int) bounded(14, i, BAD_TEXTS.length)].text();
            case NEUTRAL -> NEUTRAL_TEXTS[(int) bounded(14, i, NEUTRAL_TEXTS.length)].text();
            case GOOD -> GOOD_TEXTS[(int) bounded(14, i, GOOD_TEXTS.length)];
        };
    }

    /** The text the review row shows now. */
    public String currentText(long i) {
        return recovered(i) ? REVISED_TEXT : originalText(i);
    }

    /** What review-service found the negative review complaining about, with the words. */
    public List<Reason> reasons(long i) {
        return switch (originalRating(i)) {
            case BAD -> BAD_TEXTS[(int) bounded(14, i, BAD_TEXTS.length)].reasons();
            case NEUTRAL -> NEUTRAL_TEXTS[(int) bounded(14, i, NEUTRAL_TEXTS.length)].reasons();
            case GOOD -> List.of();
        };
    }

    public static String fingerprint(String text) {
        if (text == null) {
            return null;
        }
        String words = NOT_WORDS.matcher(text).replaceAll("").toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? null : words;
    }

    /** Spread evenly (with jitter) over {@link #SPAN}, ending {@link #QUIET} before now; older reviews have lower i. */
    public Instant createdAt(long i) {
        Instant start = now.minus(SPAN);
        long spanNanos = SPAN.minus(QUIET).minus(Duration.ofMinutes(15)).toNanos();
        double at = (i + unit(15, i)) / reviews;
        return start.plusNanos((long) (at * spanNanos)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** When review-service captured it: seconds to minutes after it was written. */
    public Instant receivedAt(long i) {
        return createdAt(i).plusMillis(1_000 + bounded(16, i, 600_000));
    }

    /** When the buyer revised a recovered review: a day or two after the ticket was opened. */
    public Instant revisedAt(long i) {
        return openedAt(i).plus(Duration.ofHours(4 + bounded(17, i, 40)));
    }

    // --- tickets ---------------------------------------------------------------------------------------------------

    public UUID ticketId(long i) {
        return uuid(18, i);
    }

    public UUID agentId(int a) {
        return uuid(19, a);
    }

    public String agentName(int a) {
        return "history-agent-" + (a + 1);
    }

    /** The history agent who has (or had) review i's ticket. */
    public int agentOf(long i) {
        return (int) Math.floorMod(negativeRank(i), agents);
    }

    /** Open tickets of each history agent: what its open_tickets counter says. */
    public long[] openTicketsPerAgent() {
        long[] open = new long[agents];
        long first = negatives - openTickets;
        for (int a = 0; a < agents; a++) {
            // ranks first … negatives-1 with rank % agents == a
            long firstOfA = first + Math.floorMod(a - first, agents);
            open[a] = firstOfA >= negatives ? 0 : (negatives - 1 - firstOfA) / agents + 1;
        }
        return open;
    }

    /** Each agent's capacity: room for what it holds (at least the API's typical 20, at most its 10,000). */
    public int capacity() {
        long most = 0;
        for (long o : openTicketsPerAgent()) {
            most = Math.max(most, o);
        }
        return (int) Math.min(10_000, Math.max(20, most));
    }

    public Instant openedAt(long i) {
        return receivedAt(i).plusMillis(20 + bounded(20, i, 200));
    }

    public Instant assignedAt(long i) {
        return openedAt(i);
    }

    /** Contacted within the first-contact deadline — except one open ticket in ten, never reached in time. */
    public Instant firstContactAt(long i) {
        if (open(i) && bounded(21, i, 10) == 0) {
            return null;
        }
        return openedAt(i).plus(Duration.ofMinutes(2 + bounded(22, i, 26)));
    }

    public Instant firstContactDueAt(long i) {
        return openedAt(i).plus(FIRST_CONTACT);
    }

    public Instant resolutionDueAt(long i) {
        return openedAt(i).plus(RESOLUTION);
    }

    /**
     * When the SLA watch escalated the missed first contact of an open ticket (a few seconds after the deadline), or
     * null: contacted, closed, or not yet due.
     */
    public Instant firstContactEscalatedAt(long i) {
        if (!open(i)
                || firstContactAt(i) != null
                || firstContactDueAt(i).plusSeconds(5).isAfter(now)) {
            return null;
        }
        return firstContactDueAt(i).plusSeconds(5);
    }

    /** When the SLA watch escalated an open ticket past its resolution deadline, or null. */
    public Instant resolutionEscalatedAt(long i) {
        if (!open(i) || resolutionDueAt(i).plusSeconds(5).isAfter(now)) {
            return null;
        }
        return resolutionDueAt(i).plusSeconds(5);
    }

    /** Closed tickets were resolved within one to 48 hours. */
    public Instant closedAt(long i) {
        if (open(i)) {
            return null;
        }
        Instant closed = openedAt(i).plus(Duration.ofHours(1 + bounded(23, i, 48)));
        return recovered(i) ? max(closed, revisedAt(i).plusSeconds(1)) : closed;
    }

    public String outcome(long i) {
        if (open(i)) {
            return null;
        }
        return recovered(i) ? "RECOVERED" : negativeRank(i) % 5 < 4 ? "EXPLAINED" : "UNRECOVERED";
    }

    public long creditFen(long i) {
        if (!recovered(i)) {
            return 0;
        }
        return originalRating(i) == Rating.BAD ? 500 : 300;
    }

    /** Ticket priority as ticket-service ranks it (TicketPriority): VIP, then BAD, then what is at stake. */
    public long priority(long i) {
        int rank = (buyerVip(i) ? 2 : 0) + (originalRating(i) == Rating.BAD ? 1 : 0);
        long stake = orderAmountFen(i) + (long) Math.max(1, distinctItems(i)) * STAKE_PER_ITEM_FEN;
        return rank * RANK + Math.min(stake, RANK - 1);
    }

    public UUID contactId(long i) {
        return uuid(24, i);
    }

    public String contactOutcome(long i) {
        return bounded(25, i, 4) == 0 ? "NO_ANSWER" : "REACHED";
    }

    /** The ticket's complaint_reasons: the distinct reasons of its review, sorted (as ticket-service keeps them). */
    public List<String> complaintReasons(long i) {
        return reasons(i).stream().map(Reason::reason).distinct().sorted().toList();
    }

    /**
     * The compensation approved on recovered ticket i, or null: every second recovered ticket, approved by its agent ten
     * minutes after the first contact (compensation-service's own tables are not loaded; only what ticket-service
     * counted of its compensation.approved.v1).
     */
    public Compensation compensation(long i) {
        if (!recovered(i) || firstContactAt(i) == null || negativeRank(i) % 2 != 0) {
            return null;
        }
        Instant at = firstContactAt(i).plus(Duration.ofMinutes(10));
        return switch ((int) bounded(27, i, 4)) {
            case 0 -> new Compensation("PARTIAL_REFUND", 500 + bounded(28, i, 16) * 100, at);
            case 1 -> new Compensation("FREE_SHIPPING_NEXT_ORDER", 800, at);
            default -> new Compensation("COUPON", 1_000, at);
        };
    }

    /** Money approved for a ticket: its compensation type, amount and when. */
    public record Compensation(String type, long amountFen, Instant approvedAt) {}

    /**
     * The claim filed against the courier for a closed ticket about a damaged parcel, or null: filed when the ticket
     * was closed, for the order's amount; three in four settled (paid in full) a day later, if that is before now.
     */
    public CourierClaim courierClaim(long i) {
        if (!negative(i) || open(i) || !complaintReasons(i).contains("PARCEL_DAMAGED")) {
            return null;
        }
        Instant claimed = closedAt(i);
        Instant settled = claimed.plus(Duration.ofDays(1));
        boolean settles = bounded(29, i, 4) != 0 && settled.isBefore(now);
        return new CourierClaim(orderAmountFen(i), claimed, settles ? settled : null);
    }

    /** A courier claim: amount claimed (and paid back when settled), filed at, settled at (null: not settled). */
    public record CourierClaim(long amountFen, Instant claimedAt, Instant settledAt) {}

    public LocalDate localDate(Instant at) {
        return at.atZone(SHOP_ZONE).toLocalDate();
    }

    public UUID revisionId(long i) {
        return uuid(26, i);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static String pad(long i) {
        return String.format("%07d", i);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A number in [0, bound) drawn for (field, i): the same every time. */
    long bounded(int field, long i, long bound) {
        return Math.floorMod(mix(seed ^ (i * 0xBF58476D1CE4E5B9L) ^ (field * 0x94D049BB133111EBL)), bound);
    }

    /** A number in [0, 1) drawn for (field, i). */
    double unit(int field, long i) {
        return (mix(seed ^ (i * 0xBF58476D1CE4E5B9L) ^ (field * 0x94D049BB133111EBL)) >>> 11) * 0x1.0p-53;
    }

    /** A version-4 UUID drawn for (kind, i): the same every time, different for every shop. */
    UUID uuid(int kind, long i) {
        long hi = mix(seed ^ (i * 0x9E3779B97F4A7C15L) ^ ((long) kind << 56) ^ 0x1234567L);
        long lo = mix(hi ^ (i * 0xC2B2AE3D27D4EB4FL) ^ ((long) kind * 0x165667B19E3779F9L));
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
