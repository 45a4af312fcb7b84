package shop.winback.logistics.domain;

import java.util.Arrays;
import java.util.Optional;

/** The couriers DOMAIN names, with the company code Kuaidi100 uses for each (lower case, as it wants). */
public enum Courier {
    STO("申通", "shentong"),
    YTO("圆通", "yuantong"),
    ZTO("中通", "zhongtong"),
    YUNDA("韵达", "yunda"),
    SF("顺丰", "shunfeng"),
    EMS("EMS", "ems"),
    BEST("百世汇通", "huitongkuaidi"),
    TTK("天天", "tiantian");

    private final String chineseName;
    private final String kuaidi100Code;

    Courier(String chineseName, String kuaidi100Code) {
        this.chineseName = chineseName;
        this.kuaidi100Code = kuaidi100Code;
    }

    public String chineseName() {
        return chineseName;
    }

    public String kuaidi100Code() {
        return kuaidi100Code;
    }

    public static Optional<Courier> ofKuaidi100Code(String code) {
        return Arrays.stream(values())
                .filter(c -> c.kuaidi100Code.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }
}
