package shop.winback.review.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.review.domain.Rating;

/** A review as the shop's order system sends it. Boxed types so a missing field is reported, not zeroed. */
@Schema(name = "ReviewRequest", description = "A buyer's review of one order line, as the shop's order system sends it")
public record ReviewRequest(
        @Schema(description = "The shop", example = "demo-shop")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = Ids.SHOP_ID, message = Ids.SHOP_ID_MESSAGE)
        String shopId,

        @Schema(
                description = "The platform's id of this review; posting it again is idempotent",
                example = "TB-R-20261123-0001")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
        String platformReviewId,

        @Schema(example = "TB-O-88231907")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
        String orderId,

        @Schema(description = "The order line reviewed, when the platform has line ids", example = "TB-O-88231907-1")
        @Size(max = 64)
        @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
        String orderLineId,

        @NotNull @Valid Item item,

        @NotNull @Valid Buyer buyer,

        @Schema(description = "Order amount in fen (1 元 = 100 fen)", example = "12900")
        @NotNull
        @PositiveOrZero
        @Max(10_000_000_000L)
        Long orderAmountFen,

        @Schema(description = "Number of distinct items in the order: each can draw its own bad review", example = "2")
        @NotNull
        @Min(1)
        @Max(10_000)
        Integer distinctItems,

        @Schema(example = "BAD") @NotNull Rating rating,

        @NotNull @Valid Dsr dsr,

        @Schema(description = "The buyer's text, up to 2000 characters", example = "衣服有破洞，质量太差了") @Size(max = 2000)
        String text,

        @Schema(
                description = "When the buyer wrote the review, ISO-8601 with offset",
                example = "2026-11-23T09:30:00+08:00")
        @NotNull
        OffsetDateTime createdAt,

        @Schema(
                description = "What the buyer received, when the order system knows: optional; a quality complaint is "
                        + "judged by it (DOMAIN: within 3 days of receipt and unworn → return/exchange or a discount)")
        @Valid
        Goods goods) {

    /** Every photo platform allows nine. */
    public static final int MOST_PHOTOS = 9;

    @Schema(name = "ReviewGoods", description = "The goods as the buyer received them")
    public record Goods(
            @Schema(
                    description =
                            "When the buyer signed for the parcel, as the order system knows it (the courier's own "
                                    + "signed-for scan, from logistics-service, is preferred where there is one)",
                    example = "2026-11-22T15:00:00+08:00")
            OffsetDateTime receivedAt,

            @Schema(description = "Whether the buyer has worn or used the goods; absent: not known", example = "false")
            Boolean wornOrUsed,

            @Schema(description = "Links to the photos the buyer attached (http or https), at most 9")
            @Size(max = MOST_PHOTOS)
            List<
                            @NotBlank @Size(max = 500)
                            @Pattern(regexp = Ids.WEB_LINK, message = "must be an http or https link") String>
                    photoUrls) {}

    @Schema(name = "ReviewItem")
    public record Item(
            @Schema(example = "SKU-TS-WHITE-L") @NotBlank @Size(max = 64)
            String sku,

            @Schema(example = "纯棉T恤 白色 L") @NotBlank @Size(max = 200)
            String title,

            @Schema(
                    description =
                            "The shop's product category of the item, optional; ticket-service routes by it to agents "
                                    + "with that skill. Trimmed (blank counts as absent), up to 40 characters, no control characters",
                    example = "服装")
            @Size(max = 40)
            @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
            String category) {

        public Item {
            category = trimmed(category);
        }

        /**
         * Surrounding spaces go, a blank category is none. A category holding control characters is
         * left as sent, so validation rejects it instead of trimming them away.
         */
        private static String trimmed(String category) {
            if (category == null || category.chars().anyMatch(Character::isISOControl)) {
                return category;
            }
            String s = category.strip();
            return s.isEmpty() ? null : s;
        }
    }

    @Schema(
            name = "ReviewBuyer",
            description = "The buyer. Phone and address are optional; they are stored encrypted, "
                    + "never logged, travel in events only sealed, and are shown in clear only to the agent working the buyer's ticket "
                    + "and to supervisors")
    public record Buyer(
            @Schema(example = "tb-buyer-5521")
            @NotBlank
            @Size(max = 64)
            @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
            String id,

            @Schema(example = "辽宁") @NotBlank @Size(max = 20)
            String province,

            @Schema(example = "沈阳") @Size(max = 30) String city,

            @Schema(
                    description = "Mobile or landline, digits with an optional leading + and dashes",
                    example = "13812345678")
            @Size(max = 20)
            @Pattern(regexp = "^\\+?[0-9][0-9-]{5,19}$", message = "must be digits, an optional leading + and dashes")
            String phone,

            @Schema(description = "Delivery address", example = "辽宁省沈阳市和平区南京北街 1 号") @Size(max = 200)
            String address,

            @Schema(
                    description =
                            "When the buyer's platform account was opened, if known: a young account is one sign of a professional bad-reviewer",
                    example = "2026-11-01T10:00:00+08:00")
            OffsetDateTime accountCreatedAt,

            @Schema(
                    description =
                            "Whether the buyer is a VIP member of the shop (the order system knows the membership level); "
                                    + "VIP buyers' tickets are worked first. Absent or null means false",
                    example = "true",
                    defaultValue = "false")
            Boolean vip) {}

    @Schema(name = "Dsr", description = "Detailed seller ratings, 1 (worst) to 5")
    public record Dsr(
            @Schema(description = "宝贝与描述相符 item as described", example = "2") @NotNull @Min(1) @Max(5)
            Integer description,

            @Schema(description = "卖家的服务态度 service attitude", example = "3") @NotNull @Min(1) @Max(5)
            Integer service,

            @Schema(description = "卖家的发货速度 shipping speed", example = "4") @NotNull @Min(1) @Max(5)
            Integer shipping) {}
}
