package shop.winback.loadgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Builds review bodies. The rating of review i is a pure function of i, so the negative share is exact over any
 * prefix of the run (not just on average) and the ticket side can tell, from an id alone, which rating was sent.
 */
public final class ReviewFactory {

    public enum Rating {
        GOOD,
        NEUTRAL,
        BAD
    }

    public record Item(String sku, String title) {}

    public record Buyer(String id, String province, String city) {}

    public record Dsr(int description, int service, int shipping) {}

    /** The POST /api/v1/reviews body, field for field. */
    public record ReviewPayload(
            String shopId,
            String platformReviewId,
            String orderId,
            String orderLineId,
            Item item,
            Buyer buyer,
            long orderAmountFen,
            int distinctItems,
            String rating,
            Dsr dsr,
            String text,
            String createdAt) {}

    private static final String[][] PLACES = {
        {"辽宁", "沈阳"}, {"浙江", "杭州"}, {"广东", "深圳"}, {"四川", "成都"}, {"江苏", "南京"}, {"湖北", "武汉"}
    };
    private static final String[] TITLES = {"纯棉T恤 白色 L", "保温杯 500ml", "蓝牙耳机 黑色", "儿童雨靴 27码", "不锈钢炒锅 32cm"};
    private static final String[] BAD_TEXTS = {"衣服有破洞，质量太差了", "快递太慢，包装也破了", "和图片完全不一样，要求退款"};
    private static final String[] NEUTRAL_TEXTS = {"一般般吧，颜色有点色差", "还行，就是发货慢了点"};
    private static final String[] GOOD_TEXTS = {"很好，物流很快", "质量不错，会回购", "五星好评"};
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final ObjectMapper json = new ObjectMapper();
    private final ReviewIds ids;
    private final double negativeShare;

    public ReviewFactory(ReviewIds ids, double negativeShare) {
        this.ids = ids;
        this.negativeShare = negativeShare;
    }

    /**
     * Review i is negative when floor((i+1)·share) steps up: exactly floor(n·share) negatives among the first n,
     * spread evenly instead of bunched. Among negatives, 7 in 10 are BAD and 3 in 10 NEUTRAL, in the same way.
     */
    public static Rating rating(int index, double negativeShare) {
        long before = (long) Math.floor(index * negativeShare);
        long after = (long) Math.floor((index + 1) * negativeShare);
        if (after == before) {
            return Rating.GOOD;
        }
        long negativeIndex = before; // 0-based count of negatives before this one
        return Math.floorMod(negativeIndex, 10) < 7 ? Rating.BAD : Rating.NEUTRAL;
    }

    public Rating rating(int index) {
        return rating(index, negativeShare);
    }

    public static boolean isNegative(Rating rating) {
        return rating != Rating.GOOD;
    }

    public ReviewPayload payload(ReviewIds.Phase phase, int index) {
        Rating rating = rating(index);
        String[] place = PLACES[index % PLACES.length];
        String text;
        Dsr dsr;
        switch (rating) {
            case BAD -> {
                text = BAD_TEXTS[index % BAD_TEXTS.length];
                dsr = new Dsr(1 + index % 2, 2 + index % 2, 3);
            }
            case NEUTRAL -> {
                text = NEUTRAL_TEXTS[index % NEUTRAL_TEXTS.length];
                dsr = new Dsr(3, 3, 4);
            }
            default -> {
                text = GOOD_TEXTS[index % GOOD_TEXTS.length];
                dsr = new Dsr(5, 5, 5);
            }
        }
        String createdAt =
                OffsetDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS).format(CREATED_AT);
        return new ReviewPayload(
                ids.shopId(),
                ids.platformReviewId(phase, index),
                ids.orderId(phase, index),
                ids.orderLineId(phase, index),
                new Item("SKU-" + (index % 50), TITLES[index % TITLES.length]),
                // one buyer per order, the common case: a buyer with many bad reviews would look like a
                // professional bad-reviewer to review-service and be routed to a supervisor
                new Buyer("buyer-" + ids.orderId(phase, index), place[0], place[1]),
                orderAmountFen(index),
                1 + index % 3,
                rating.name(),
                dsr,
                text,
                createdAt);
    }

    /** The amount of review i's order (compensation-service checks a request's figure against it). */
    public static long orderAmountFen(int index) {
        return 1_900 + (index % 200) * 100L;
    }

    public byte[] body(ReviewIds.Phase phase, int index) {
        try {
            return json.writeValueAsBytes(payload(phase, index));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a review", e);
        }
    }
}
