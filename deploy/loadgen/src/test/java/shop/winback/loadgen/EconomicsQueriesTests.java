package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EconomicsQueriesTests {

    @Test
    void aMonthAndAYearEndingToday() {
        LocalDate today = LocalDate.now(EconomicsQueries.SHOP_ZONE);
        assertEquals(
                "/api/v1/recovery-economics?from=" + today.minusDays(29) + "&to=" + today + "&by=product&format=json",
                EconomicsQueries.path(today, EconomicsQueries.MONTH_DAYS, "product"));
        assertEquals(
                "/api/v1/recovery-economics?from=" + today.minusDays(365) + "&to=" + today + "&by=shop&format=json",
                EconomicsQueries.path(today, EconomicsQueries.YEAR_DAYS, "shop"),
                "366 days: the API's longest period");
    }
}
