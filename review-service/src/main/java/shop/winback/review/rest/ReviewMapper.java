package shop.winback.review.rest;

import jakarta.enterprise.context.ApplicationScoped;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.review.domain.Review;
import shop.winback.review.signals.BuyerSuspicion;

/** A validated request becomes an unsaved review; the buyer's phone and address are sealed on the way in. */
@ApplicationScoped
public class ReviewMapper {

    private final PersonalData personalData;

    public ReviewMapper(PersonalData personalData) {
        this.personalData = personalData;
    }

    Review toReview(ReviewRequest body) {
        Review r = new Review();
        r.shopId = body.shopId();
        r.platformReviewId = body.platformReviewId();
        r.orderId = body.orderId();
        r.orderLineId = body.orderLineId();
        r.itemSku = body.item().sku();
        r.itemTitle = body.item().title();
        r.itemCategory = body.item().category();
        r.buyerId = body.buyer().id();
        r.buyerProvince = body.buyer().province();
        r.buyerCity = body.buyer().city();
        r.buyerPhoneSealed = personalData.seal(body.buyer().phone());
        r.buyerPhoneMasked = PersonalData.maskPhone(body.buyer().phone());
        r.buyerAddressSealed = personalData.seal(body.buyer().address());
        r.buyerAccountCreatedAt = body.buyer().accountCreatedAt() == null
                ? null
                : body.buyer().accountCreatedAt().toInstant();
        r.buyerVip = Boolean.TRUE.equals(body.buyer().vip()); // absent: not a VIP
        r.orderAmountFen = body.orderAmountFen();
        r.distinctItems = body.distinctItems();
        r.rating = body.rating();
        r.dsrDescription = body.dsr().description().shortValue();
        r.dsrService = body.dsr().service().shortValue();
        r.dsrShipping = body.dsr().shipping().shortValue();
        r.text = body.text();
        r.textFingerprint = BuyerSuspicion.fingerprint(body.text());
        r.createdAt = body.createdAt().toInstant();
        if (body.goods() != null) {
            r.goodsReceivedAt = body.goods().receivedAt() == null
                    ? null
                    : body.goods().receivedAt().toInstant();
            r.goodsWornOrUsed = body.goods().wornOrUsed();
            r.goodsPhotoUrls = body.goods().photoUrls() == null
                    ? null
                    : body.goods().photoUrls().stream().map(String::strip).toArray(String[]::new);
        }
        return r;
    }
}
