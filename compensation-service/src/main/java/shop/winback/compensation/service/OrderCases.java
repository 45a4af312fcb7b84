package shop.winback.compensation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import shop.winback.compensation.client.PostageEstimator;
import shop.winback.compensation.domain.CompensationType;
import shop.winback.compensation.domain.OrderFact;
import shop.winback.compensation.domain.Rating;
import shop.winback.compensation.domain.Tier;
import shop.winback.compensation.messaging.in.ReviewReceivedV1;
import shop.winback.compensation.quote.OrderFactsView;
import shop.winback.compensation.quote.Postage;
import shop.winback.compensation.quote.QualityCase;
import shop.winback.compensation.quote.Quote;
import shop.winback.compensation.quote.QuoteEngine;
import shop.winback.compensation.quote.QuoteInput;
import shop.winback.compensation.settings.ShopSettings;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.Problem;

/**
 * The facts a case is decided from: the order's own, learned from its reviews (reviews.v1), never
 * the request's. A figure the request gives must agree with them (422 naming the field); an order
 * no neutral or bad review has told us about is decided from the request's figures, but nothing
 * for it is granted below the manager.
 */
@ApplicationScoped
public class OrderCases {

    /** review-service's code of a quality complaint (DOMAIN "Quality problems"). */
    public static final String QUALITY = ReviewReceivedV1.QUALITY;

    /** The return parcel the ceiling of a compensation request is computed for: the shop's default courier, 1 kg. */
    public static final int STANDARD_PARCEL_GRAMS = 1000;

    private final OrderFacts facts;
    private final PostageEstimator postage;
    private final Clock clock;

    public OrderCases(OrderFacts facts, PostageEstimator postage, Clock clock) {
        this.facts = facts;
        this.postage = postage;
        this.clock = clock;
    }

    /** Figures a request states (any may be absent). */
    public record Claimed(Long orderAmountFen, Integer distinctItems, Rating rating, String province, String city) {}

    /** The facts a case is decided from; {@code known} when they come from the order's reviews. */
    /**
     * @param city              the buyer's city, when known: remote areas may be counted down to cities (logistics-service)
     * @param qualityComplaint  the order's reviews complain of the goods' quality
     * @param goodsReceivedAt   when the buyer signed for the goods (courier's scan, else the order system's); null: unknown
     * @param goodsWornOrUsed   null: unknown
     */
    public record Facts(
            boolean known,
            long orderAmountFen,
            int distinctItems,
            Rating rating,
            String province,
            String city,
            boolean suspectedProfessional,
            List<String> suspicionReasons,
            boolean qualityComplaint,
            Instant goodsReceivedAt,
            Boolean goodsWornOrUsed) {

        /** The quality side of the case at {@code now}; the request may add a quality complaint and the buyer's fault. */
        public QualityCase quality(List<String> requestReasons, boolean buyerAtFault, Instant now) {
            boolean complaint = qualityComplaint || requestReasons != null && requestReasons.contains(QUALITY);
            return new QualityCase(complaint, goodsReceivedAt, goodsWornOrUsed, buyerAtFault, now);
        }

        public OrderFactsView view() {
            return new OrderFactsView(
                    known ? OrderFactsView.FROM_REVIEWS : OrderFactsView.FROM_REQUEST,
                    orderAmountFen,
                    distinctItems,
                    rating,
                    province,
                    suspectedProfessional,
                    suspicionReasons,
                    goodsReceivedAt,
                    goodsWornOrUsed);
        }
    }

    /** A compensation request assessed against its order: the facts and, for a known order, its quote. */
    public record Assessment(Facts facts, Quote quote) {

        /** Whether the amount stays within the quote for the order: at most its ceiling, or an option of the type offered. */
        public boolean withinQuote(CompensationType type, long amountFen) {
            if (quote == null) {
                return false;
            }
            var option = quote.option(type.name());
            return amountFen <= quote.ceilingFen() || option != null && amountFen <= option.costFen();
        }
    }

    /**
     * The facts of a case for a quote or request: the order's, checked against the request's figures.
     *
     * @param figuresRequiredWhenUnknown a quote needs items, rating and province too; a request only the amount
     * @param buyerPath                  the request's path to the buyer object, for naming its fields
     *
     * @throws FactsDisagreeProblem  a figure disagrees with the order's facts (422)
     * @throws InvalidRequestProblem the order is unknown and a figure the decision needs is missing (400)
     */
    public Facts facts(
            String shopId, String orderId, Claimed claimed, boolean figuresRequiredWhenUnknown, String buyerPath) {
        Optional<OrderFact> known = facts.find(shopId, orderId);
        if (known.isPresent()) {
            return agreed(known.get(), claimed, buyerPath);
        }
        List<Problem.Violation> missing = new ArrayList<>();
        if (claimed.orderAmountFen() == null) {
            missing.add(new Problem.Violation("orderAmountFen", unknownMessage(orderId)));
        }
        if (figuresRequiredWhenUnknown) {
            if (claimed.distinctItems() == null) {
                missing.add(new Problem.Violation("distinctItems", unknownMessage(orderId)));
            }
            if (claimed.rating() == null) {
                missing.add(new Problem.Violation("rating", unknownMessage(orderId)));
            }
            if (claimed.province() == null || claimed.province().isBlank()) {
                missing.add(new Problem.Violation(buyerPath + ".province", unknownMessage(orderId)));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestProblem(missing);
        }
        return new Facts(
                false,
                claimed.orderAmountFen(),
                Objects.requireNonNullElse(claimed.distinctItems(), 1),
                claimed.rating(),
                claimed.province() == null ? null : claimed.province().strip(),
                claimed.city() == null ? null : claimed.city().strip(),
                false,
                List.of(),
                false,
                null,
                null);
    }

    /**
     * A compensation request assessed against its order: its facts, no more than the order (422),
     * PRE_SALES only rounding off (422), and for a known order the quote its amount is held to.
     */
    public Assessment assess(String shopId, String authorization, Tier tier, NewCompensation r, ShopSettings s) {
        if (tier == Tier.PRE_SALES && r.type() != CompensationType.ROUND_OFF) {
            throw new FactsDisagreeProblem(
                    "type",
                    "PRE_SALES may only round off (ROUND_OFF); a " + r.type()
                            + " needs an after-sales or review-recovery agent");
        }
        Facts f = facts(shopId, r.orderId(), new Claimed(r.orderAmountFen(), null, null, null, null), false, "buyer");
        Instant now = Instant.now(clock);
        if (r.amountFen() > f.orderAmountFen()) {
            throw new FactsDisagreeProblem(
                    "amountFen", "more than the order amount (" + f.orderAmountFen() + " fen) is never granted");
        }
        if (!f.known()) {
            return new Assessment(f, null);
        }
        Postage p = postage.estimate(
                authorization, s.defaultCourier(), s.originProvince(), f.province(), f.city(), STANDARD_PARCEL_GRAMS);
        Quote quote = QuoteEngine.quote(
                new QuoteInput(
                        f.orderAmountFen(),
                        f.distinctItems(),
                        f.rating(),
                        null,
                        false,
                        true,
                        f.suspectedProfessional(),
                        f.quality(null, false, now)),
                p,
                s,
                Authority.UNLIMITED);
        return new Assessment(f, quote);
    }

    private static Facts agreed(OrderFact f, Claimed claimed, String buyerPath) {
        List<Problem.Violation> disagree = new ArrayList<>();
        if (claimed.orderAmountFen() != null && claimed.orderAmountFen() != f.orderAmountFen()) {
            disagree.add(
                    new Problem.Violation("orderAmountFen", "the order's amount is " + f.orderAmountFen() + " fen"));
        }
        if (claimed.distinctItems() != null && claimed.distinctItems() != f.distinctItems()) {
            disagree.add(
                    new Problem.Violation("distinctItems", "the order has " + f.distinctItems() + " distinct items"));
        }
        if (claimed.rating() != null && !f.received(claimed.rating())) {
            disagree.add(new Problem.Violation("rating", "the order received no " + claimed.rating() + " review"));
        }
        if (claimed.province() != null && !claimed.province().strip().equals(f.buyerProvince())) {
            disagree.add(
                    new Problem.Violation(buyerPath + ".province", "the buyer's province is " + f.buyerProvince()));
        }
        if (claimed.city() != null
                && f.buyerCity() != null
                && !claimed.city().strip().equals(f.buyerCity())) {
            disagree.add(new Problem.Violation(buyerPath + ".city", "the buyer's city is " + f.buyerCity()));
        }
        if (!disagree.isEmpty()) {
            throw new FactsDisagreeProblem(disagree);
        }
        Rating rating = claimed.rating() != null ? claimed.rating() : f.worstRating();
        return new Facts(
                true,
                f.orderAmountFen(),
                f.distinctItems(),
                rating,
                f.buyerProvince(),
                f.buyerCity(),
                f.suspectedProfessional(),
                f.suspicionReasons(),
                f.qualityComplaint(),
                f.goodsReceivedAt(),
                f.goodsWornOrUsed());
    }

    private static String unknownMessage(String orderId) {
        return "required: no neutral or bad review of order "
                + (orderId == null || orderId.isBlank() ? "(none given)" : orderId)
                + " has arrived, so its figures must be given";
    }
}
