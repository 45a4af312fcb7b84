package shop.winback.logistics.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostageTableTests {

    @Test
    void extraKilosAreRoundedUp() {
        Rate sto = new Rate(1500, 800);
        assertThat(sto.totalFen(1)).isEqualTo(1500);
        assertThat(sto.totalFen(1000)).isEqualTo(1500);
        assertThat(sto.totalFen(1001)).isEqualTo(2300);
        assertThat(sto.totalFen(2000)).isEqualTo(2300);
        assertThat(sto.totalFen(2500)).isEqualTo(3100);
    }

    @Test
    void provinceNamesAreNormalised() {
        assertThat(Provinces.normalize("广东省")).contains("广东");
        assertThat(Provinces.normalize("广西壮族自治区")).contains("广西");
        assertThat(Provinces.normalize("新疆维吾尔自治区")).contains("新疆");
        assertThat(Provinces.normalize("北京市")).contains("北京");
        assertThat(Provinces.normalize("黑龙江")).contains("黑龙江");
        assertThat(Provinces.normalize("Atlantis")).isEmpty();
        assertThat(Provinces.regionOf("辽宁")).isEqualTo("东北");
    }

    @Test
    void aMalformedPriceListIsRefusedAtStartup() {
        assertThatThrownBy(() -> PostageTable.parse("sto", "LOCAL 800/300, REGIONAL 1000"))
                .hasMessageContaining("logistics.postage.sto");
        assertThatThrownBy(() -> PostageTable.parse("sto", "LOCAL 800/300")).hasMessageContaining("every zone");
    }

    @Test
    void remoteAreasAreWholeProvincesOrCitiesOfOne() {
        java.util.List<Integer> wrong = new java.util.ArrayList<>();
        RemoteAreas areas = RemoteAreas.parse(java.util.List.of("新疆维吾尔自治区", "四川省/甘孜", "Atlantis", "广东/"), wrong);
        assertThat(areas.entries()).containsExactly("新疆", "四川/甘孜");
        assertThat(wrong).containsExactly(2, 3);
        assertThat(areas.contains("新疆", null)).isTrue();
        assertThat(areas.contains("新疆", "喀什")).isTrue();
        assertThat(areas.contains("四川", "甘孜藏族自治州")).isTrue();
        assertThat(areas.contains("四川", "成都")).isFalse();
        assertThat(areas.contains("四川", null)).isFalse();
        assertThat(areas.contains("广东", "广州")).isFalse();
    }
}
