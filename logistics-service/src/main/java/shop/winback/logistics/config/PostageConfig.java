package shop.winback.logistics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * Default postage per courier, as {@code ZONE first/extra} pairs in fen: the first kilo, and every
 * further kilo or part of one. NATIONAL is DOMAIN's Guangzhou → North-East example (SF 20, STO 15,
 * YTO 12, ZTO/Yunda 11 元 the first kilo); the other zones and the extra-kilo prices are typical
 * e-commerce contract prices. A shop overrides any of them in its settings.
 */
@ConfigMapping(prefix = "logistics.postage")
public interface PostageConfig {

    /** 申通 STO. */
    @WithDefault("LOCAL 800/300, REGIONAL 1000/500, NATIONAL 1500/800, REMOTE 2000/1500")
    String sto();

    /** 圆通 YTO. */
    @WithDefault("LOCAL 700/300, REGIONAL 900/500, NATIONAL 1200/700, REMOTE 1800/1500")
    String yto();

    /** 中通 ZTO. */
    @WithDefault("LOCAL 600/300, REGIONAL 800/400, NATIONAL 1100/600, REMOTE 1800/1500")
    String zto();

    /** 韵达 Yunda. */
    @WithDefault("LOCAL 600/300, REGIONAL 800/400, NATIONAL 1100/600, REMOTE 1800/1500")
    String yunda();

    /** 顺丰 SF. */
    @WithDefault("LOCAL 1200/200, REGIONAL 1400/600, NATIONAL 2000/1300, REMOTE 2500/2000")
    String sf();

    /** EMS: reaches where others do not (out-of-area). */
    @WithDefault("LOCAL 1000/500, REGIONAL 1200/600, NATIONAL 1800/1000, REMOTE 2000/1200")
    String ems();

    /** 百世汇通 BEST. */
    @WithDefault("LOCAL 700/300, REGIONAL 900/500, NATIONAL 1200/700, REMOTE 1800/1500")
    String best();

    /** 天天 TTK. */
    @WithDefault("LOCAL 600/300, REGIONAL 800/400, NATIONAL 1100/600, REMOTE 1800/1500")
    String ttk();

    /**
     * 偏远地区: provinces (or province/city, e.g. 四川/甘孜) where the buyer may have to travel to a county town to
     * post a parcel. A parcel to or from one is priced in the REMOTE zone and flagged {@code remote}; compensation-service
     * takes that flag for its remote-area rule, so this is the one list. Per shop: settings' remoteAreas.
     */
    @WithDefault("新疆,西藏,青海,内蒙古,甘肃,宁夏,海南")
    List<String> remoteProvinces();
}
