package shop.winback.workbench;

import io.quarkus.qute.TemplateData;
import java.util.List;
import shop.winback.workbench.Views.CompensationView;
import shop.winback.workbench.Views.QuoteOption;

/**
 * The ticket page's compensation part: compensation-service's quote for the case, one form per option it may be
 * requested by, and the compensations already requested for the ticket. A service that refuses leaves its words
 * here instead of failing the whole page.
 */
@TemplateData
public record CompensationPanel(
        List<Offer> offers,
        String recommendedType,
        String quoteError,
        List<CompensationView> requested,
        String requestedError) {

    /**
     * An option with the Idempotency-Key of its form: made when the form is drawn, so a double submit (or a
     * retry after a lost answer) is the same request to compensation-service, granted once.
     */
    @TemplateData
    public record Offer(QuoteOption option, String key) {}

    public boolean anyPending() {
        return requested.stream().anyMatch(CompensationView::pending);
    }
}
