package shop.winback.workbench;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.winback.workbench.CompensationPanel.Offer;
import shop.winback.workbench.Upstream.Service;
import shop.winback.workbench.Views.CompensationPage;
import shop.winback.workbench.Views.CompensationView;
import shop.winback.workbench.Views.Quote;
import shop.winback.workbench.Views.Ticket;
import shop.winback.workbench.Views.TicketExtras;

/**
 * A ticket's compensations through compensation-service, as the user: the quote (the service decides the
 * options and what the user's tier may grant alone), the request, and the ticket's requests with their status.
 */
@ApplicationScoped
public class Compensating {

    /**
     * What the request is recorded under when no review of the ticket names a complaint reason (reviews received
     * before ticket-service kept them): one of review-service's codes, so month-end accounts can group it.
     */
    static final String NO_REASON = "OTHER";

    private final Upstream upstream;

    public Compensating(Upstream upstream) {
        this.upstream = upstream;
    }

    /** The panel of an open ticket (with its quote) or of a closed one (only what was requested). */
    CompensationPanel panel(User user, Ticket ticket, TicketExtras extras) {
        List<Offer> offers = List.of();
        String recommended = null;
        String quoteError = null;
        if (ticket.isOpen()) {
            try {
                Quote quote = upstream.post(
                        Service.COMPENSATION, "/api/v1/quotes", user, quoteRequest(ticket, extras), Quote.class);
                offers = quote.options().stream()
                        .map(o -> new Offer(o, UUID.randomUUID().toString()))
                        .toList();
                recommended =
                        quote.recommended() == null ? null : quote.recommended().type();
            } catch (UpstreamProblem e) {
                if (e.status == 401) {
                    throw e;
                }
                quoteError = e.message();
            }
        }
        List<CompensationView> requested = List.of();
        String requestedError = null;
        try {
            requested = requested(user, ticket.id());
        } catch (UpstreamProblem e) {
            if (e.status == 401) {
                throw e;
            }
            requestedError = e.message();
        }
        return new CompensationPanel(offers, recommended, quoteError, requested, requestedError);
    }

    /** The ticket's compensations, newest first (an agent gets only their own requests). */
    List<CompensationView> requested(User user, UUID ticketId) {
        return upstream.get(
                        Service.COMPENSATION,
                        "/api/v1/compensations?size=50&ticketId="
                                + URLEncoder.encode(ticketId.toString(), StandardCharsets.UTF_8),
                        user,
                        CompensationPage.class)
                .items();
    }

    /**
     * Requests one option for the ticket, recorded under the buyer's main complaint reason. The amount is the
     * option's cost as quoted; compensation-service decides again from the order's own facts whether it is granted
     * at once or waits for approval.
     */
    CompensationView request(User user, Ticket ticket, TicketExtras extras, String key, String type, long amountFen) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", ticket.orderId());
        body.put("ticketId", ticket.id().toString());
        body.put("type", type);
        body.put("amountFen", amountFen);
        body.put("orderAmountFen", ticket.orderAmountFen());
        body.put("reason", extras.mainReason() == null ? NO_REASON : extras.mainReason());
        return upstream.post(
                Service.COMPENSATION,
                "/api/v1/compensations",
                user,
                body,
                Map.of("Idempotency-Key", key),
                CompensationView.class);
    }

    /**
     * The case as ticket-service knows it. compensation-service decides from the order's own facts (from its
     * reviews); these figures, which came from the same reviews, only count when it has not heard of the order yet.
     */
    private static Map<String, Object> quoteRequest(Ticket ticket, TicketExtras extras) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", ticket.orderId());
        body.put("ticketId", ticket.id().toString());
        body.put("orderAmountFen", ticket.orderAmountFen());
        if (ticket.distinctItems() > 0) {
            body.put("distinctItems", ticket.distinctItems());
        }
        if (!extras.complaintReasons().isEmpty()) {
            body.put("complaintReasons", extras.complaintReasons());
        }
        if ("BAD".equals(ticket.rating()) || "NEUTRAL".equals(ticket.rating())) {
            body.put("rating", ticket.rating());
        }
        if (ticket.buyer() != null
                && ticket.buyer().province() != null
                && !ticket.buyer().province().isBlank()) {
            Map<String, Object> buyer = new LinkedHashMap<>();
            buyer.put("province", ticket.buyer().province());
            buyer.put("city", ticket.buyer().city());
            body.put("buyer", buyer);
        }
        return body;
    }
}
