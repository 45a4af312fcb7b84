package shop.winback.ticket.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When to reach the buyer (DOMAIN "Contacting the buyer"). */
class ContactPlanTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void anOnlineBuyerIsCalledNow() {
        ContactPlan plan = ContactPlan.of(true, null, null, 0, 2, SHANGHAI, local("2026-11-23T10:00"));
        assertThat(plan.buyerOnline()).isTrue();
        assertThat(plan.suggestedWindow()).isNull();
        assertThat(plan.callsLeftToday()).isEqualTo(2);
    }

    @Test
    void anOfficeAddressIsCalledAtLunch() {
        ContactPlan plan = ContactPlan.of(false, null, "广东省深圳市南山区科技园腾讯大厦", 0, 2, SHANGHAI, local("2026-11-23T10:00"));
        assertThat(plan.suggestedWindow().from()).isEqualTo(local("2026-11-23T12:00"));
        assertThat(plan.suggestedWindow().to()).isEqualTo(local("2026-11-23T13:30"));
    }

    @Test
    void otherwiseInTheEveningAndTomorrowWhenTonightIsOver() {
        ContactPlan plan = ContactPlan.of(false, null, "辽宁省沈阳市和平区南京北街 1 号", 0, 2, SHANGHAI, local("2026-11-23T22:00"));
        assertThat(plan.suggestedWindow().from()).isEqualTo(local("2026-11-24T19:00"));
    }

    @Test
    void aBuyerLastSeenOnlineIsCalledAroundThatHour() {
        ContactPlan plan =
                ContactPlan.of(false, local("2026-11-22T20:40"), "某某大厦", 1, 2, SHANGHAI, local("2026-11-23T09:00"));
        assertThat(plan.suggestedWindow().from()).isEqualTo(local("2026-11-23T20:00"));
        assertThat(plan.suggestedWindow().to()).isEqualTo(local("2026-11-23T21:00"));
        assertThat(plan.callsLeftToday()).isEqualTo(1);
    }

    @Test
    void noCallsLeftTodayMeansTomorrow() {
        ContactPlan plan = ContactPlan.of(false, null, null, 2, 2, SHANGHAI, local("2026-11-23T10:00"));
        assertThat(plan.callsLeftToday()).isZero();
        assertThat(plan.suggestedWindow().from()).isEqualTo(local("2026-11-24T19:00"));
    }
}
