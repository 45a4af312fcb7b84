package shop.winback.compensation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/**
 * The postage table used when logistics-service does not answer in time (DOMAIN "Couriers and
 * postage": first-kilo prices Guangzhou → North-East). Values in application.properties.
 */
@ConfigMapping(prefix = "compensation.postage.fallback")
public interface PostageFallback {

    /** First-kilo price per courier code (SF 2000, STO 1500, YTO 1200, ZTO 1100, YUNDA 1100, EMS 2000). */
    Map<String, Long> firstKiloFen();

    /** First-kilo price of a courier the table does not list. */
    @WithDefault("1500")
    long unknownCourierFirstKiloFen();

    /** Each further started kilo costs this share of the first kilo (ours). */
    @WithDefault("50")
    int extraKiloPercent();

    /**
     * Provinces where buyers travel to a county town to post a parcel (偏远地区), used only while logistics-service
     * cannot be asked: the same as its default list (PostageFallbackContractTests), which shops may change there.
     */
    @WithDefault("新疆,西藏,青海,内蒙古,甘肃,宁夏,海南")
    List<String> remoteProvinces();

    /** Added to the postage of a parcel from a remote province (ours: far is 15–18 元). */
    @WithDefault("800")
    long remoteSurchargeFen();
}
