package shop.winback.review.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.review.domain.Rating;

@Schema(name = "RevisionRequest", description = "A buyer changed their review, as the order system reports it")
public record RevisionRequest(
        @Schema(example = "demo-shop")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = Ids.SHOP_ID, message = Ids.SHOP_ID_MESSAGE)
        String shopId,

        @Schema(description = "The platform's id of the review revised", example = "TB-R-20261123-0001")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
        String platformReviewId,

        @Schema(description = "The rating after the revision", example = "GOOD") @NotNull
        Rating rating,

        @Schema(
                description = "The text after the revision; omit it when the buyer left the text unchanged",
                example = "客服很耐心，已经解决了")
        @Size(max = 2000)
        String text,

        @Schema(
                description = "When the buyer revised it; the same time again is the same revision",
                example = "2026-11-23T15:10:00+08:00")
        @NotNull
        OffsetDateTime revisedAt) {}
