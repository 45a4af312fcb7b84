package shop.winback.compensation.quote;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The estimated postage of the return parcel, and where the estimate came from. */
@Schema(name = "Postage")
public record Postage(
        @Schema(example = "STO") String courier,

        @Schema(description = "The shop's origin province (postage is the same both ways)", example = "广东")
        String from,

        @Schema(description = "The buyer's province", example = "辽宁")
        String to,

        @Schema(example = "1000") int weightGrams,
        @Schema(example = "1500") long totalFen,

        @Schema(description = "偏远地区: the buyer must travel to a county town to post a parcel")
        boolean remote,

        @Schema(description = "logistics (logistics-service answered) or fallback-table", example = "logistics")
        String source) {

    public static final String FROM_LOGISTICS = "logistics";
    public static final String FROM_FALLBACK = "fallback-table";
}
