package shop.winback.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import shop.winback.compensation.domain.ApprovalLevel;
import shop.winback.compensation.domain.Tier;
import shop.winback.compensation.quote.QuoteEngineTestsAccess;
import shop.winback.compensation.service.Authority;
import shop.winback.compensation.settings.ShopSettings;

/** DOMAIN's authority table with the default numbers. */
class AuthorityTests {

    static final ShopSettings S = QuoteEngineTestsAccess.defaults();

    @Test
    void eachTierHasItsPerPayoutLimit() {
        assertThat(Authority.limitFen(Tier.PRE_SALES, 12900, S))
                .as("about 1 % of the order")
                .isEqualTo(129);
        assertThat(Authority.limitFen(Tier.IN_SALES, 12900, S)).isEqualTo(2000);
        assertThat(Authority.limitFen(Tier.AFTER_SALES, 12900, S)).isEqualTo(2000);
        assertThat(Authority.limitFen(Tier.REVIEW_RECOVERY, 12900, S)).isEqualTo(2000);
        assertThat(Authority.limitFen(Tier.SUPERVISOR, 12900, S)).isEqualTo(20000);
        assertThat(Authority.limitFen(Tier.MANAGER, 12900, S)).isEqualTo(Authority.UNLIMITED);
        assertThat(Authority.dailyCount(Tier.PRE_SALES, S)).isEqualTo(3);
    }

    @Test
    void aboveAnAgentsAuthorityGoesToASupervisorAndAboveTheSupervisorLimitToTheManager() {
        assertThat(Authority.approverFor(Tier.AFTER_SALES, 5000, S)).isEqualTo(ApprovalLevel.SUPERVISOR);
        assertThat(Authority.approverFor(Tier.AFTER_SALES, 25000, S)).isEqualTo(ApprovalLevel.MANAGER);
        assertThat(Authority.approverFor(Tier.SUPERVISOR, 25000, S)).isEqualTo(ApprovalLevel.MANAGER);
        assertThat(Authority.mayApprove(ApprovalLevel.SUPERVISOR, ApprovalLevel.SUPERVISOR, 20000, S))
                .isTrue();
        assertThat(Authority.mayApprove(ApprovalLevel.SUPERVISOR, ApprovalLevel.SUPERVISOR, 20001, S))
                .isFalse();
        assertThat(Authority.mayApprove(ApprovalLevel.SUPERVISOR, ApprovalLevel.MANAGER, 100, S))
                .as("escalated")
                .isFalse();
        assertThat(Authority.mayApprove(ApprovalLevel.MANAGER, ApprovalLevel.MANAGER, 10_000_000, S))
                .isTrue();
    }
}
