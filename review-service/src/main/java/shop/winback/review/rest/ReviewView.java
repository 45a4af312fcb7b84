package shop.winback.review.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.review.domain.Rating;
import shop.winback.review.domain.Review;

@Schema(name = "Review", description = "A captured review. Times are UTC.")
public record ReviewView(
        UUID id,
        String shopId,
        String platformReviewId,
        String orderId,
        String orderLineId,
        ReviewRequest.Item item,
        Buyer buyer,
        long orderAmountFen,
        int distinctItems,
        Rating rating,
        ReviewRequest.Dsr dsr,
        String text,
        Instant createdAt,
        Instant receivedAt,

        @Schema(description = "When the buyer last revised it; null if never")
        Instant revisedAt,

        int revisionCount,

        @Schema(description = "What the buyer received, when the order system said; null otherwise")
        ReviewRequest.Goods goods) {

    @Schema(
            name = "ReviewBuyerView",
            description = "Phone and address in clear for supervisors and managers; masked for everyone else")
    public record Buyer(
            @Schema(example = "tb-buyer-5521") String id,
            @Schema(example = "辽宁") String province,
            @Schema(example = "沈阳") String city,
            @Schema(example = "138****5678") String phone,
            @Schema(example = "辽宁沈阳****") String address,

            @Schema(
                    description =
                            "Whether the buyer is a VIP member of the shop; false when the order system did not say")
            boolean vip) {}

    /** @param inClear whether the caller may see the buyer's phone and address unmasked */
    static ReviewView of(Review r, PersonalData personalData, boolean inClear) {
        Buyer buyer = inClear
                ? new Buyer(
                        r.buyerId,
                        r.buyerProvince,
                        r.buyerCity,
                        personalData.open(r.buyerPhoneSealed),
                        personalData.open(r.buyerAddressSealed),
                        r.buyerVip)
                : new Buyer(
                        r.buyerId,
                        r.buyerProvince,
                        r.buyerCity,
                        r.buyerPhoneMasked,
                        r.buyerAddressSealed == null ? null : PersonalData.maskAddress(r.buyerProvince, r.buyerCity),
                        r.buyerVip);
        return new ReviewView(
                r.id,
                r.shopId,
                r.platformReviewId,
                r.orderId,
                r.orderLineId,
                new ReviewRequest.Item(r.itemSku, r.itemTitle, r.itemCategory),
                buyer,
                r.orderAmountFen,
                r.distinctItems,
                r.rating,
                new ReviewRequest.Dsr((int) r.dsrDescription, (int) r.dsrService, (int) r.dsrShipping),
                r.text,
                r.createdAt,
                r.receivedAt,
                r.revisedAt,
                r.revisionCount,
                goods(r));
    }

    private static ReviewRequest.Goods goods(Review r) {
        if (r.goodsReceivedAt == null && r.goodsWornOrUsed == null && r.goodsPhotoUrls == null) {
            return null;
        }
        return new ReviewRequest.Goods(
                r.goodsReceivedAt == null ? null : r.goodsReceivedAt.atOffset(java.time.ZoneOffset.UTC),
                r.goodsWornOrUsed,
                r.goodsPhotoUrls == null ? java.util.List.of() : java.util.List.of(r.goodsPhotoUrls));
    }
}
